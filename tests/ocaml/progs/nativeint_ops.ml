(* nativeint_ops: Nativeint on a 64-bit target: size, wrapping, division,
   conversions to and from int/int32/int64 and printing with %n. *)
let () =
  Printf.printf "size = %d, max = %nd, min = %nd\n" Nativeint.size
    Nativeint.max_int Nativeint.min_int;
  Printf.printf "max+1 = %nd, min/-1 = %nd, -7/2 = %nd, -7 rem 2 = %nd\n"
    (Nativeint.add Nativeint.max_int 1n) (Nativeint.div Nativeint.min_int (-1n))
    (Nativeint.div (-7n) 2n) (Nativeint.rem (-7n) 2n);
  (try ignore (Nativeint.div 3n 0n) with Division_by_zero -> print_endline "div by zero");
  Printf.printf "[%nx] [%nX] [%no] [%nu] [%10nd] [%-10nd|] [%#nx]\n"
    (-1n) 0xabcn 8n (-1n) 42n 42n 255n;
  Printf.printf "of_int max_int = %nd, to_int max = %d, of_int32 min = %nd, \
                 to_int32 2^32+1 = %ld, of_int64 = %nd\n"
    (Nativeint.of_int max_int) (Nativeint.to_int Nativeint.max_int)
    (Nativeint.of_int32 Int32.min_int) (Nativeint.to_int32 0x1_0000_0001n)
    (Int64.to_nativeint Int64.min_int);
  Printf.printf "shift: %nd %nd %nd\n" (Nativeint.shift_left 1n 63)
    (Nativeint.shift_right (-16n) 2) (Nativeint.shift_right_logical (-16n) 60);
  Printf.printf "of_string: %nd %nd %s\n" (Nativeint.of_string "0x7fffffffffffffff")
    (Nativeint.of_string "-0b11")
    (match Nativeint.of_string_opt "0x1_0000_0000_0000_0000" with
     | Some _ -> "accepted" | None -> "rejected");
  Printf.printf "unsigned_div = %nu, unsigned_rem = %nu, to_float = %.17g\n"
    (Nativeint.unsigned_div (-1n) 10n) (Nativeint.unsigned_rem (-1n) 10n)
    (Nativeint.to_float Nativeint.max_int)

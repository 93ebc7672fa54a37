(* int64_ops: Int64 arithmetic that wraps, division, shifts, unsigned
   operations, parsing, printing and float bit conversions. *)
let p name v = Printf.printf "%s = %Ld (%Lx, %Lu, %Lo)\n" name v v v v

let () =
  p "max+1" (Int64.add Int64.max_int 1L);
  p "min-1" (Int64.sub Int64.min_int 1L);
  p "max*3" (Int64.mul Int64.max_int 3L);
  p "neg min" (Int64.neg Int64.min_int);
  p "min/-1" (Int64.div Int64.min_int (-1L));
  p "min rem -1" (Int64.rem Int64.min_int (-1L));
  p "pow 3 39" (let r = ref 1L in for _ = 1 to 39 do r := Int64.mul !r 3L done; !r);
  List.iter (fun (a, b) ->
      Printf.printf "%Ld / %Ld = %Ld, rem = %Ld, unsigned_div = %Lu, \
                     unsigned_rem = %Lu\n"
        a b (Int64.div a b) (Int64.rem a b) (Int64.unsigned_div a b)
        (Int64.unsigned_rem a b))
    [ (7L, 2L); (-7L, 2L); (7L, -2L); (-1L, 10L); (Int64.min_int, 10L);
      (Int64.max_int, -1L); (-2L, -1L) ];
  (try ignore (Int64.div 1L 0L) with Division_by_zero -> print_endline "div by zero");
  (try ignore (Int64.rem Int64.min_int 0L) with Division_by_zero -> print_endline "rem by zero");
  p "shift_left 1 63" (Int64.shift_left 1L 63);
  p "shift_right min 8" (Int64.shift_right Int64.min_int 8);
  p "shift_right_logical -1 1" (Int64.shift_right_logical (-1L) 1);
  p "logand" (Int64.logand 0x123456789abcdef0L 0xff00ff00ff00ff00L);
  Printf.printf "unsigned_compare -1 1 = %d, equal = %b\n"
    (Int64.unsigned_compare (-1L) 1L) (Int64.equal 5L 5L);
  Printf.printf "to_int max = %d, of_int min_int = %Ld, to_int32 = %ld\n"
    (Int64.to_int Int64.max_int) (Int64.of_int min_int)
    (Int64.to_int32 0x1_8000_0001L);
  List.iter (fun s ->
      Printf.printf "of_string %S = %s\n" s
        (match Int64.of_string_opt s with
         | Some v -> Int64.to_string v | None -> "error"))
    [ "9223372036854775807"; "9223372036854775808"; "-9223372036854775808";
      "0xffffffffffffffff"; "0u18446744073709551615"; "0u18446744073709551616";
      "0b" ^ String.make 64 '1'; "0o1777777777777777777777"; "-0"; "1__2" ];
  Printf.printf "[%20Ld] [%-20Lx] [%020Ld] [%+Ld] [%#Lx] [%LX]\n"
    Int64.min_int Int64.max_int (-1L) 0L 0xdeadbeefL 0xcafe_f00dL;
  Printf.printf "bits_of_float pi = %Lx, float_of_bits = %.17g\n"
    (Int64.bits_of_float 3.141592653589793) (Int64.float_of_bits 0x400921fb54442d18L)

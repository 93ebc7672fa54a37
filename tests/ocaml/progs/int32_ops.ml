(* int32_ops: Int32 arithmetic that wraps, division and remainder signs,
   Division_by_zero, shifts, unsigned operations, parsing and printing. *)
let p name v = Printf.printf "%s = %ld (%lx, %lu, %lo)\n" name v v v v

let () =
  p "max+1" (Int32.add Int32.max_int 1l);
  p "min-1" (Int32.sub Int32.min_int 1l);
  p "max*max" (Int32.mul Int32.max_int Int32.max_int);
  p "neg min" (Int32.neg Int32.min_int);
  p "abs min" (Int32.abs Int32.min_int);
  p "min/-1" (Int32.div Int32.min_int (-1l));
  p "min rem -1" (Int32.rem Int32.min_int (-1l));
  List.iter (fun (a, b) ->
      Printf.printf "%ld / %ld = %ld, rem = %ld, unsigned_div = %lu, \
                     unsigned_rem = %lu\n"
        a b (Int32.div a b) (Int32.rem a b) (Int32.unsigned_div a b)
        (Int32.unsigned_rem a b))
    [ (7l, 2l); (-7l, 2l); (7l, -2l); (-7l, -2l); (-1l, 3l); (Int32.min_int, 7l) ];
  (try ignore (Int32.div 1l 0l) with Division_by_zero -> print_endline "div by zero");
  (try ignore (Int32.rem 1l 0l) with Division_by_zero -> print_endline "rem by zero");
  p "shift_left 1 31" (Int32.shift_left 1l 31);
  p "shift_right min 4" (Int32.shift_right Int32.min_int 4);
  p "shift_right_logical min 4" (Int32.shift_right_logical Int32.min_int 4);
  p "logxor" (Int32.logxor 0x0f0f0f0fl 0xff00ff00l);
  p "lognot 0" (Int32.lognot 0l);
  Printf.printf "unsigned_compare -1 1 = %d, compare = %d\n"
    (Int32.unsigned_compare (-1l) 1l) (Int32.compare (-1l) 1l);
  Printf.printf "unsigned_to_int -1 = %s\n"
    (match Int32.unsigned_to_int (-1l) with Some i -> string_of_int i | None -> "none");
  Printf.printf "to_int min = %d, of_int 2^32+5 = %ld\n"
    (Int32.to_int Int32.min_int) (Int32.of_int ((1 lsl 32) + 5));
  List.iter (fun s ->
      Printf.printf "of_string %S = %s\n" s
        (match Int32.of_string_opt s with
         | Some v -> Int32.to_string v | None -> "error"))
    [ "0"; "-2147483648"; "2147483647"; "2147483648"; "0xffffffff";
      "0x100000000"; "0u4294967295"; "0b1010"; "0o777"; "-0x1"; "1_000";
      " 1"; "abc"; "" ];
  Printf.printf "[%8ld] [%-8ld] [%08ld] [%+ld] [%#lx] [%#lo] [%lX] [%ld]\n"
    42l 42l (-42l) 42l 255l 8l 0xabcdl Int32.min_int;
  Printf.printf "%s %s\n" (Int32.to_string Int32.max_int) (Int32.to_string Int32.min_int)

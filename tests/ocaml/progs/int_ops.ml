(* int_ops: OCaml's 63-bit int: wrapping, shifts, division signs,
   Division_by_zero, int_of_string syntaxes and printf integer formats. *)
let () =
  Printf.printf "max_int = %d, min_int = %d, max+1 = %d, min-1 = %d\n"
    max_int min_int (max_int + 1) (min_int - 1);
  Printf.printf "max*max = %d, min*-1 = %d, abs min = %d, min/-1 = %d\n"
    (max_int * max_int) (min_int * -1) (abs min_int) (min_int / -1);
  List.iter (fun (a, b) ->
      Printf.printf "%d / %d = %d, mod = %d\n" a b (a / b) (a mod b))
    [ (7, 2); (-7, 2); (7, -2); (-7, -2); (0, 5); (min_int, 3); (max_int, -5) ];
  List.iter (fun d ->
      match 10 / d with
      | q -> Printf.printf "10 / %d = %d\n" d q
      | exception Division_by_zero -> Printf.printf "10 / %d: Division_by_zero\n" d)
    [ 3; 0; -3 ];
  (try ignore (5 mod 0) with Division_by_zero -> print_endline "mod by zero");
  Printf.printf "lsl: %d %d %d, asr: %d %d, lsr: %d %d\n"
    (1 lsl 62) (1 lsl 63) (3 lsl 61) (min_int asr 1) (-1 asr 62)
    (-1 lsr 1) (min_int lsr 62);
  Printf.printf "land/lor/lxor/lnot: %d %d %d %d\n"
    (0b1100 land 0b1010) (0b1100 lor 0b1010) (0b1100 lxor 0b1010) (lnot 5);
  List.iter (fun s ->
      Printf.printf "int_of_string %S = %s\n" s
        (match int_of_string_opt s with Some v -> string_of_int v | None -> "error"))
    [ "0"; "-0"; "+5"; "4611686018427387903"; "4611686018427387904";
      "-4611686018427387904"; "0x3fffffffffffffff"; "0x7fffffffffffffff";
      "0xffffffffffffffff"; "0u4611686018427387904"; "0o17"; "0O17"; "0b101";
      "-0x10"; "1_000_000"; "0x_ff"; "1e3"; "12a"; ""; "-"; " 3"; "0u-1" ];
  Printf.printf "[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%X] [%o] [%u]\n"
    42 (-42) 42 42 (-42) 42 42 255 255 8 (-1);
  Printf.printf "[%#x] [%#X] [%#o] [%#d] [%#u] [%#d]\n" 255 255 8 1234567 1234567 (-1000);
  Printf.printf "[%*d] [%-*d] [%.5d] [%8.3d] [%x]\n" 6 7 6 7 42 (-7) (-1);
  Printf.printf "string_of_int: %s %s; Int.to_string: %s; compare: %d %d\n"
    (string_of_int min_int) (string_of_int max_int) (Int.to_string (-0))
    (compare min_int max_int) (Int.compare 3 3);
  Printf.printf "succ max = %d, pred min = %d, Int.abs min = %d, Int.min_int = %d\n"
    (succ max_int) (pred min_int) (Int.abs min_int) Int.min_int;
  (* Overflowing sums keep ring arithmetic. *)
  let s = ref 0 in
  for i = 1 to 100000 do s := !s + (i * 1_000_000_007 * i) done;
  Printf.printf "sum = %d\n" !s

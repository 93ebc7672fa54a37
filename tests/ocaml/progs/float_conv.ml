(* float_conv: conversions between floats and integers: truncation,
   limits, Int64/Int32 of_float/to_float, float_of_int of large ints. *)
let () =
  List.iter (fun x ->
      Printf.printf "%h: int_of_float=%d truncate=%d Int64.of_float=%Ld \
                     Int32.of_float=%ld\n"
        x (int_of_float x) (truncate x) (Int64.of_float x) (Int32.of_float x))
    [ 0.; -0.; 0.9; -0.9; 1.5; -1.5; 1e9; -1e9; 2147483647.; 2147483648.;
      -2147483648.; 4611686018427387903.; 9.2e18; -9.2e18 ];
  List.iter (fun i -> Printf.printf "float_of_int %d = %.17g\n" i (float_of_int i))
    [ 0; 1; -1; max_int; min_int; 1 lsl 53; (1 lsl 53) + 1; (1 lsl 60) + 3 ];
  List.iter (fun i -> Printf.printf "Int64.to_float %Ld = %.17g\n" i (Int64.to_float i))
    [ Int64.max_int; Int64.min_int; 9007199254740993L; -9007199254740993L ];
  Printf.printf "Float.of_int/to_int: %h %d\n" (Float.of_int 12345) (Float.to_int 123.9);
  Printf.printf "int_of_string of float text: %s\n"
    (match int_of_string_opt "1.5" with Some _ -> "accepted" | None -> "rejected");
  Printf.printf "Float.to_string/of_string: %s %h\n" (Float.to_string 0.1)
    (Float.of_string "0x1.999999999999ap-4");
  Printf.printf "bits: %Lx %Lx %Lx %h\n" (Int64.bits_of_float 1.)
    (Int64.bits_of_float (-2.)) (Int64.bits_of_float 0.1)
    (Int64.float_of_bits 0x7fefffffffffffffL);
  Printf.printf "Int32 bits: %lx %lx %h\n" (Int32.bits_of_float 1.)
    (Int32.bits_of_float 0.1) (Int32.float_of_bits 0x3fc00000l);
  (* Single precision rounding through Int32.bits_of_float. *)
  List.iter (fun x -> Printf.printf "as float32: %h -> %h\n" x
                (Int32.float_of_bits (Int32.bits_of_float x)))
    [ 0.1; 1e40; 1e-46; 3.4028235677973366e38; 16777217. ];
  Printf.printf "compare ints as floats: %b %b\n"
    (float_of_int max_int = float_of_int (max_int - 1))
    (Float.of_int min_int = -4611686018427387904.)

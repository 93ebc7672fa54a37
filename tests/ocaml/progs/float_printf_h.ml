(* float_printf_h: Printf %h/%H (OCaml's hexadecimal float format), with
   precisions and widths, on normal, subnormal and special values. *)
let values = [
  0.; -0.; 1.; -1.; 0.5; 0.1; 3.; 1024.; 1e-300; 5e-324; 1e-310;
  2.2250738585072014e-308; 1.7976931348623157e308; Float.epsilon;
  Float.pred 1.; Float.succ 1.; nan; infinity; neg_infinity;
]

let () =
  List.iter (fun x ->
      Printf.printf "[%h] [%H] [%.0h] [%.1h] [%.3h] [%.20h]\n" x x x x x x)
    values;
  List.iter (fun x -> Printf.printf "[%20h] [%-20h] [%+h] [% h]\n" x x x x)
    [ 0.; 1.5; -2.75; nan ];
  (* Rounding of the mantissa when the precision cuts digits off. *)
  List.iter (fun x -> Printf.printf "%.2h %.1h %.0h\n" x x x)
    [ 1.0078125; 1.0234375; 1.5; 1.96875; 1.999; -1.03125 ];
  (* %h output parses back to the same bits. *)
  List.iter (fun x ->
      let s = Printf.sprintf "%h" x in
      let y = float_of_string s in
      Printf.printf "%s -> %b\n" s
        (Int64.bits_of_float x = Int64.bits_of_float y))
    [ 0.1; -0.; 5e-324; 1.7976931348623157e308; 12345.6789 ]

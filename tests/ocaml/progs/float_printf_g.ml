(* float_printf_g: Printf %g/%G and %.17g (shortest and exact forms), the
   switch between fixed and exponent notation, and the # flag. *)
let values = [
  0.; -0.; 1.; -1.; 0.1; 0.0001; 0.00001; 123456.; 1234567.; 1e15; 1e16;
  1e17; 100.; 1e21; 3.141592653589793; 2.718281828459045; 1. /. 3.;
  5e-324; 2.2250738585072014e-308; 1.7976931348623157e308; 0.30000000000000004;
  9007199254740992.; 9007199254740993.; 4.35; 0.000123456; 999999.5;
  nan; -. nan; infinity; neg_infinity;
]

let () =
  List.iter (fun x ->
      Printf.printf "[%g] [%G] [%.1g] [%.3g] [%.10g] [%.17g] [%.20g]\n"
        x x x x x x x)
    values;
  List.iter (fun x ->
      Printf.printf "[%12g] [%-12g] [%+g] [% g] [%012g] [%#g] [%#.3g]\n"
        x x x x x x x)
    [ 0.; -0.; 1.5; -1.5; 1e-10; 1e10; 100.; nan; infinity ];
  List.iter (fun p -> Printf.printf "[%.*g]\n" p 1.0000000000000002)
    [ 0; 1; 15; 16; 17; 18 ]

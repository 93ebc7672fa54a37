(* float_printf_f: Printf %f/%F with precisions, widths and flags, on
   ordinary, tiny, huge, negative-zero and non-finite values. *)
let values = [
  0.; -0.; 1.; -1.; 0.5; 1.5; 2.5; -2.5; 0.125; 0.1; 0.2; 0.3; 1. /. 3.;
  2. /. 3.; 123.456; -987.654321; 1e-5; 1e-7; 1e-10; 5e-324; 2.2250738585072014e-308;
  1e15; 1e16; 1e17; 1e22; 1e23; 9007199254740993.; 1.7976931348623157e308;
  nan; -. nan; infinity; neg_infinity; 0.05; 0.15; 0.25; 0.35; 1.005; 2.675;
]

let () =
  List.iter (fun x ->
      Printf.printf "[%f] [%.0f] [%.1f] [%.2f] [%.3f] [%.10f] [%F]\n"
        x x x x x x x)
    values;
  List.iter (fun x ->
      Printf.printf "[%12f] [%-12f] [%+f] [% f] [%012.3f] [%-+12.2f] [%+012.1f]\n"
        x x x x x x x)
    [ 0.; -0.; 3.14159; -3.14159; 1e6; nan; infinity; neg_infinity ];
  (* Widths and precisions taken from arguments. *)
  List.iter (fun (w, p) -> Printf.printf "[%*.*f]\n" w p 3.14159265358979)
    [ (0, 0); (5, 1); (10, 4); (20, 15); (1, 20) ];
  (* %.Nf with a large N prints the exact binary value. *)
  Printf.printf "%.60f\n" 0.1;
  Printf.printf "%.30f\n" 1e-20;
  Printf.printf "%.0f\n" 1e300;
  Printf.printf "%f\n" (-1e-300);
  Printf.printf "%F %F %F %F\n" 1. 1e100 0.1 (-0.)

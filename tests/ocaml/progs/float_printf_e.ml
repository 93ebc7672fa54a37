(* float_printf_e: Printf %e/%E with precisions, widths and flags,
   including subnormals, the extremes and non-finite values. *)
let values = [
  0.; -0.; 1.; -1.; 10.; 0.1; 123456.789; 1e-5; 1e100; -1e-100; 5e-324;
  1e-320; 4.9406564584124654e-324; 2.2250738585072009e-308;
  2.2250738585072014e-308; 1.7976931348623157e308; 9.999999e99; 9.5; 0.95;
  nan; -. nan; infinity; neg_infinity;
]

let () =
  List.iter (fun x ->
      Printf.printf "[%e] [%.0e] [%.3e] [%.16e] [%E] [%.2E]\n" x x x x x x)
    values;
  List.iter (fun x ->
      Printf.printf "[%15e] [%-15.2e] [%+e] [% .1e] [%015.4e] [%+-14.3E]\n"
        x x x x x x)
    [ 0.; -0.; 6.02214076e23; -1.602176634e-19; nan; neg_infinity ];
  List.iter (fun p -> Printf.printf "[%.*e]\n" p 2.718281828459045)
    [ 0; 1; 5; 17; 25 ];
  Printf.printf "%.40e\n" 5e-324;
  Printf.printf "%.20e\n" 1.7976931348623157e308

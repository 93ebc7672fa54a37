(* float_math: correctly rounded operations (sqrt, fma, rounding, remainders)
   printed exactly; transcendental functions printed to 12 significant
   digits, and their NaNs without a sign, so that what libm is free to
   choose (the last ulp, the sign of a NaN) does not show. *)
let exact name f xs =
  List.iter (fun x -> Printf.printf "%s(%h) = %h\n" name x (f x)) xs

let approx_string y = if Float.is_nan y then "nan" else Printf.sprintf "%.12g" y

let approx name f xs =
  List.iter (fun x -> Printf.printf "%s(%g) = %s\n" name x (approx_string (f x))) xs

let () =
  let xs = [ 0.; -0.; 0.5; 1.; 2.; 2.5; -2.5; 3.5; 1e300; 5e-324; infinity;
             neg_infinity; nan; -1.; 0.49999999999999994 ] in
  exact "sqrt" sqrt [ 0.; -0.; 1.; 2.; 1e-300; 5e-324; 1e308; infinity ];
  exact "floor" floor xs;
  exact "ceil" ceil xs;
  exact "round" Float.round xs;
  exact "trunc" Float.trunc xs;
  exact "abs" abs_float xs;
  List.iter (fun (a, b) ->
      Printf.printf "mod_float %g %g = %h, Float.rem = %h, a/.b = %h\n"
        a b (mod_float a b) (Float.rem a b) (a /. b))
    [ (7., 3.); (-7., 3.); (7., -3.); (5.5, 1.25); (1e300, 3.); (1., 0.);
      (infinity, 2.); (3., infinity); (0.1, 0.01) ];
  List.iter (fun (a, b, c) ->
      Printf.printf "fma %h %h %h = %h\n" a b c (Float.fma a b c))
    [ (1.5, 2., 0.25); (0.1, 10., -1.); (1e308, 10., -1e308);
      (Float.succ 1., Float.pred 1., -1.); (infinity, 0., 1.) ];
  approx "exp" exp [ 0.; 1.; -1.; 10.; 700.; 710.; -745.; 1e-10 ];
  approx "log" log [ 1.; 2.; 10.; 1e-300; 0.; -1.; infinity ];
  approx "log10" log10 [ 1.; 1000.; 0.001; 2. ];
  approx "expm1" Float.expm1 [ 1e-10; 1.; -1. ];
  approx "log1p" Float.log1p [ 1e-10; 1.; -0.5 ];
  approx "sin" sin [ 0.; 1.; 3.141592653589793; 1e6; -2. ];
  approx "cos" cos [ 0.; 1.; 3.141592653589793; 1e6 ];
  approx "tan" tan [ 0.; 1.; -1.5 ];
  approx "asin" asin [ 0.; 0.5; 1.; 2. ];
  approx "atan" atan [ 0.; 1.; infinity ];
  approx "sinh" sinh [ 0.; 1.; -3. ];
  approx "tanh" tanh [ 0.; 1.; 30. ];
  approx "cbrt" Float.cbrt [ 27.; -8.; 2. ];
  List.iter (fun (a, b) ->
      Printf.printf "atan2 %g %g = %s, hypot = %s, ** = %s\n" a b
        (approx_string (atan2 a b)) (approx_string (hypot a b)) (approx_string (a ** b)))
    [ (1., 1.); (-1., -1.); (0., -0.); (3., 4.); (2., 0.5); (10., -2.);
      (-8., 1. /. 3.); (0., 0.) ];
  Printf.printf "pi = %.17g\n" (4. *. atan 1.);
  (* Integer powers are exact in any libm. *)
  Printf.printf "2**10 = %h, 2**-1074 = %h, 10**22 = %.17g\n"
    (2. ** 10.) (2. ** (-1074.)) (10. ** 22.)

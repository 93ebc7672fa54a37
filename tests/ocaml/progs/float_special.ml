(* float_special: negative zero, NaN, infinities and subnormals: how they
   compare, classify, decompose (frexp, modf) and carry their sign. *)
let show x = Printf.sprintf "%h" x

let classify x =
  match classify_float x with
  | FP_normal -> "normal"
  | FP_subnormal -> "subnormal"
  | FP_zero -> "zero"
  | FP_infinite -> "infinite"
  | FP_nan -> "nan"

let values = [
  0.; -0.; 1.; -1.; 5e-324; -5e-324; 1e-310; 2.2250738585072014e-308;
  Float.pred 2.2250738585072014e-308; 1.7976931348623157e308; infinity;
  neg_infinity; nan; Float.min_float; Float.max_float; Float.epsilon;
]

let () =
  List.iter (fun x ->
      let m, e = frexp x in
      let f, i = modf x in
      Printf.printf "%s: %s sign=%b frexp=(%s,%d) modf=(%s,%s) bits=%016Lx\n"
        (show x) (classify x) (Float.sign_bit x) (show m) e (show f) (show i)
        (Int64.bits_of_float x))
    values;
  Printf.printf "-0 = 0: %b, compare: %d, 1/-0: %s, 1/0: %s\n"
    (-0. = 0.) (compare (-0.) 0.) (show (1. /. -0.)) (show (1. /. 0.));
  Printf.printf "nan = nan: %b, nan <> nan: %b, compare nan nan: %d, \
                 compare nan 1: %d, Float.equal nan nan: %b\n"
    (nan = nan) (nan <> nan) (compare nan nan) (compare nan 1.)
    (Float.equal nan nan);
  Printf.printf "min 1 nan: %s, Float.min 1 nan: %s, Float.min_num 1 nan: %s\n"
    (show (min 1. nan)) (show (Float.min 1. nan)) (show (Float.min_num 1. nan));
  Printf.printf "Float.min -0 0: %s, Float.max -0 0: %s\n"
    (show (Float.min (-0.) 0.)) (show (Float.max (-0.) 0.));
  Printf.printf "inf - inf is nan: %b, 0 * inf is nan: %b, inf * -1: %s\n"
    (Float.is_nan (infinity -. infinity)) (Float.is_nan (0. *. infinity))
    (show (infinity *. -1.));
  Printf.printf "copysign: %s %s %s\n" (show (copysign 3. (-0.)))
    (show (copysign 0. (-1.))) (show (Float.copy_sign (-2.) 1.));
  Printf.printf "ldexp: %s %s %s %s\n" (show (ldexp 1. (-1074)))
    (show (ldexp 1. (-1075))) (show (ldexp 1. 1023)) (show (ldexp 1. 1024));
  Printf.printf "subnormal arithmetic: %s %s %s\n"
    (show (5e-324 *. 0.5)) (show (5e-324 *. 1.5)) (show (1e-310 /. 3.));
  Printf.printf "is_integer: %b %b %b, is_finite: %b %b\n"
    (Float.is_integer 3.) (Float.is_integer 3.5) (Float.is_integer infinity)
    (Float.is_finite 1e308) (Float.is_finite nan);
  Printf.printf "succ/pred: %s %s %s %s\n" (show (Float.succ 0.))
    (show (Float.pred 0.)) (show (Float.succ Float.max_float))
    (show (Float.pred neg_infinity));
  Printf.printf "string_of_float: %s %s %s %s %s\n" (string_of_float (-0.))
    (string_of_float nan) (string_of_float infinity)
    (string_of_float neg_infinity) (string_of_float 5e-324)

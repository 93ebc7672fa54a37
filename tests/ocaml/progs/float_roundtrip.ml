(* float_roundtrip: %.17g, %.16e and %h parsed back by float_of_string
   give the same bits (string_of_float, %.12g, does not); float_of_string
   on decimal, hex, underscore and special syntaxes and on bad input. *)
let bits = Int64.bits_of_float

let () =
  (* A fixed pseudo-random walk over all bit patterns. *)
  let st = Random.State.make [| 2024 |] in
  let failures = ref 0 and tested = ref 0 in
  let check x =
    if not (Float.is_nan x) then begin
      incr tested;
      let forms = [
        Printf.sprintf "%.17g" x; Printf.sprintf "%h" x;
        Printf.sprintf "%.16e" x;
      ] in
      List.iter (fun s ->
          if bits (float_of_string s) <> bits x then begin
            incr failures;
            Printf.printf "round trip failed: %s (%Lx)\n" s (bits x)
          end)
        forms
    end
  in
  for _ = 1 to 3000 do
    check (Int64.float_of_bits (Random.State.int64 st Int64.max_int));
    check (-. Int64.float_of_bits (Random.State.int64 st Int64.max_int))
  done;
  for _ = 1 to 1000 do
    check (Random.State.float st 1e6);
    check (float_of_int (Random.State.bits st))
  done;
  Printf.printf "round trips: %d values, %d failures\n" !tested !failures;
  (* string_of_float uses %.12g, so it is not a round trip in general. *)
  List.iter (fun x -> Printf.printf "%s %s\n" (string_of_float x)
                (Float.to_string x))
    [ 0.1; 1. /. 3.; 100.; 1e21; 123456789012345.; 0.30000000000000004 ];
  let parse s =
    match float_of_string_opt s with
    | Some x when Float.is_nan x ->
      (* strtod's sign of a parsed NaN differs between C libraries. *)
      Printf.printf "%S -> nan\n" s
    | Some x -> Printf.printf "%S -> %h (%.17g)\n" s x x
    | None -> Printf.printf "%S -> error\n" s
  in
  List.iter parse [
    "0"; "-0"; "+1.5"; "1e10"; "1E-5"; "1_000.000_1"; ".5"; "5."; "0x1p-1074";
    "0x1.fffffffffffffp1023"; "0X1.8P3"; "0x.8"; "0x10"; "-0x1p-1075";
    "1e309"; "-1e309"; "1e-400"; "2.4703282292062327e-324";
    "2.4703282292062328e-324"; "4.9406564584124654e-324"; "nan"; "-nan";
    "NaN"; "inf"; "-inf"; "infinity"; "Infinity"; "-INFINITY";
    "9007199254740993"; "0.1000000000000000055511151231257827";
    "2.2250738585072011e-308"; "1.7976931348623158e308";
    ""; " 1"; "1 "; "1e"; "e1"; "0x"; "1..2"; "abc"; "1_e5"; "_1"; "--1";
    "0x1p"; "1e+"; "+"; "0x1.8p+1"; "1e0001";
  ]

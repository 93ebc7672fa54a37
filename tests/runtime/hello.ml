(* exit: 0
   Printf and float conversions (C printf/strtod in the runtime), the GC,
   hashing, Int64/Int32 formatting, argv, environment and stdin. *)

let floats =
  [ 0.0; -0.0; 1.0; 0.1; 0.1 +. 0.2; 3.14159265358979; 1e22; 1e23; 2.5;
    0.125; 123456789.123456789; 5e-324; 2.2250738585072014e-308;
    max_float; min_float; epsilon_float; infinity; neg_infinity; nan;
    Float.neg nan; 1e-300; 9007199254740993.0 ]

let () =
  List.iter
    (fun x ->
      Printf.printf "%f|%e|%g|%.17g|%.0f|%.3f|%h|%F|%s|%12.4e|%-10.2g|\n" x x
        x x x x x x (string_of_float x) x x)
    floats;
  List.iter
    (fun s ->
      match float_of_string_opt s with
      | Some f -> Printf.printf "%S -> %.17g %h\n" s f f
      | None -> Printf.printf "%S -> none\n" s)
    [ "0.1"; "1e400"; "-1e-400"; "0x1.8p3"; "1_000.5"; "inf"; "-infinity";
      "nan"; "  7"; "1e"; "2.2250738585072011e-308"; "4.9e-324" ];
  Printf.printf "%d %i %x %X %o %u %Ld %lx %nd %+d % d %5d|%-5d|%05d\n" 42 (-7)
    255 255 8 (-1) Int64.min_int 0xdeadl 12n 3 3 3 3 3;
  Printf.printf "%s %S %c %C %b %B\n" "str" "q\"uote\n" 'x' '\'' true false;
  Printf.printf "%Lx %Lu\n" (-1L) Int64.max_int;
  Printf.printf "%.3f %.3f\n" (Float.of_int max_int) (sqrt 2.0);
  Printf.printf "%g %g %g\n" (exp 1.0) (log 10.0) (atan2 1.0 (-1.0));
  Printf.printf "%g %g %g %g\n" (Float.fma 2.0 3.0 1.0) (Float.round 2.5)
    (Float.cbrt 27.0) (ldexp 1.0 (-1074));
  Printf.printf "%d %d\n" (Hashtbl.hash "terrarium") (Hashtbl.hash 3.5);
  let h = Hashtbl.create 16 in
  for i = 0 to 99_999 do Hashtbl.replace h (string_of_int i) i done;
  let sum = Hashtbl.fold (fun _ v acc -> acc + v) h 0 in
  Gc.compact ();
  Printf.printf "hashtbl %d %d\n" (Hashtbl.length h) sum;
  let a = Array.init 50_000 (fun i -> (i * 7919) mod 50_021) in
  Array.sort compare a;
  Printf.printf "sorted %d %d %d\n" a.(0) a.(25_000) a.(49_999);
  let big = List.init 200_000 (fun i -> Printf.sprintf "%x" i) in
  Printf.printf "strings %d\n" (String.length (String.concat "" big));
  Printf.printf "argv %d:%s\n" (Array.length Sys.argv)
    (String.concat "," (List.tl (Array.to_list Sys.argv)));
  Printf.printf "env %s %b\n"
    (Sys.getenv "TERRARIUM_RT_TEST")
    (Sys.getenv_opt "TERRARIUM_RT_UNSET" = None);
  Printf.printf "stdin %s\n" (Digest.to_hex (Digest.channel stdin (-1)));
  Printf.printf "%s\n" (Printexc.to_string (Invalid_argument "x"));
  Printf.printf "word_size %d ocaml %s\n" Sys.word_size Sys.ocaml_version;
  Format.printf "@[<v 2>format:@,%a@]@." (Format.pp_print_list Format.pp_print_float)
    [ 1.5; 1e100; -0.25 ]

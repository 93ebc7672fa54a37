(* printf_misc: Printf conversions other than floats and ints: %s %S %c %C
   %B %a %t %!, padding, ksprintf/kbprintf, %{ %} and %( %) formats. *)
let pp_pair oc (a, b) = Printf.fprintf oc "<%d,%d>" a b

let () =
  Printf.printf "[%s] [%10s] [%-10s] [%.3s] [%S] [%c] [%C] [%B] [%b]\n"
    "str" "right" "left" "truncate" "q\"uote" 'c' '\'' true false;
  Printf.printf "%a %t %%\n" pp_pair (1, 2) (fun oc -> output_string oc "from %t");
  Printf.printf "[%*s] [%-*s]\n" 8 "star" 8 "star";
  let s = Printf.sprintf "%d-%s-%c-%.1f-%x" 1 "two" '3' 4.0 255 in
  print_endline s;
  let k = Printf.ksprintf (fun s -> String.length s) "%s%s" "abc" "de" in
  Printf.printf "ksprintf length: %d\n" k;
  let b = Buffer.create 8 in
  Printf.kbprintf (fun b -> Buffer.add_string b "!") b "%d items" 3;
  Printf.printf "kbprintf: %s\n" (Buffer.contents b);
  Printf.printf "%s\n" (Printf.sprintf "%{%d %s%}" "%d %s");
  Printf.printf "%s\n" (Printf.sprintf "%(%d/%d%)" "%d/%d" 3 4);
  let fmt () = format_of_string "%s=%d;" in
  Printf.printf (fmt ()) "x" 1;
  Printf.printf (fmt () ^^ " and " ^^ fmt ()) "y" 2 "z" 3;
  print_newline ();
  Printf.printf "string_of_format: %S\n" (string_of_format (fmt ()));
  Printf.printf "ifprintf prints nothing:%a\n" (fun oc () -> Printf.ifprintf oc "%d" 5) ();
  Printf.eprintf "to stderr: %d\n%!" 99;
  Printf.printf "@ and @@ are plain in Printf, %% too\n";
  Printf.printf "unicode passthrough: %s\n" "\xce\xbb x \xe2\x86\x92 y";
  Printf.printf "long: %s\n" (String.make 300 'L');
  Printf.printf "%d %d %d %d %d %d %d %d %d %d %d %d\n" 1 2 3 4 5 6 7 8 9 10 11 12

(* scanf_ops: Scanf.sscanf and Scanf.bscanf over strings and a channel:
   ints, floats, strings, %S, char classes, %n, %!, and failures. *)
let () =
  Scanf.sscanf "42 -17 0x1f 0o17 0b101" "%d %d %i %i %i"
    (fun a b c d e -> Printf.printf "ints: %d %d %d %d %d\n" a b c d e);
  Scanf.sscanf "3.25 -1e-3 0x1.8p1 1_000.5 1e400 5e-324" "%f %f %F %f %f %f"
    (fun a b c d e f -> Printf.printf "floats: %h %h %h %h %h %h\n" a b c d e f);
  Scanf.sscanf "name: \"O'Caml\\n\" rest" "name: %S %s"
    (fun s r -> Printf.printf "%%S: %S then %S\n" s r);
  Scanf.sscanf "abc123def" "%[a-z]%[0-9]%s"
    (fun a b c -> Printf.printf "classes: %s %s %s\n" a b c);
  Scanf.sscanf "key = value ; tail" "%s = %s ; %n"
    (fun k v n -> Printf.printf "k=%s v=%s consumed=%d\n" k v n);
  Scanf.sscanf "  12  34" " %d %d%!" (fun a b -> Printf.printf "spaces: %d %d\n" a b);
  Scanf.sscanf "true false x" "%B %B %c" (fun a b c -> Printf.printf "bools: %b %b %c\n" a b c);
  Scanf.sscanf "12345678" "%3d%2d%d" (fun a b c -> Printf.printf "widths: %d %d %d\n" a b c);
  Scanf.sscanf "3.14159" "%4f%s" (fun a b -> Printf.printf "float width: %g %s\n" a b);
  Scanf.sscanf "255 ff 377" "%u %x %o" (fun a b c -> Printf.printf "bases: %d %d %d\n" a b c);
  Scanf.sscanf "-9223372036854775808 4294967295" "%Ld %lu"
    (fun a b -> Printf.printf "boxed: %Ld %lu\n" a b);
  (match Scanf.sscanf "abc" "%d" (fun x -> x) with
   | _ -> print_endline "no failure?"
   | exception Scanf.Scan_failure _ -> print_endline "Scan_failure on %d");
  (match Scanf.sscanf "" "%d" (fun x -> x) with
   | _ -> print_endline "no failure?"
   | exception End_of_file -> print_endline "End_of_file on empty"
   | exception Scanf.Scan_failure _ -> print_endline "Scan_failure on empty");
  let ib = Scanf.Scanning.from_string "1 2 3 4 5 6 7 8 9 10" in
  let rec sum acc =
    match Scanf.bscanf ib " %d" (fun x -> x) with
    | x -> sum (acc + x)
    | exception End_of_file -> acc
  in
  Printf.printf "sum: %d\n" (sum 0);
  Printf.printf "unescaped: %S\n" (Scanf.unescaped "a\\tb\\065\\x41");
  Printf.printf "format_from_string: %s\n"
    (Printf.sprintf (Scanf.format_from_string "%d+%d" "%d%d") 1 2)

(* tty echo: prints each line read from the standard input in brackets
   until the end of the input, then "tty-echo: end" (exit status 0).
   Ctrl-C raises Break, which it reports and carries on from.
   tests/tty/run.sh types on it through the QEMU monitor. *)

let rec loop () =
  match input_line stdin with
  | line ->
      Printf.printf "[%s]\n%!" line;
      loop ()
  | exception Sys.Break ->
      print_string "tty-echo: break\n";
      flush stdout;
      loop ()
  | exception End_of_file -> print_string "tty-echo: end\n"

let () =
  Sys.catch_break true;
  Printf.printf "tty-echo: ready, a terminal: %b\n%!" (Unix.isatty Unix.stdin);
  loop ()

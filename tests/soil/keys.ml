(* keys: the raw-mode keyboard seen through Soil.Console. Says the
   terminal's size, enters raw mode, then prints "key NAME" for each key
   until q or Ctrl-D (or the end of the input), and leaves raw mode.
   tests/soil/run.sh drives it on a Linux pseudo-terminal; boot tests can
   type on it through the QEMU monitor. *)

open Soil

let rec keys () =
  Lwt.bind (Console.read_key ()) (function
    | Console.Key.Char 'q' | Console.Key.Ctrl 'd' -> Lwt.return_unit
    | key ->
        print_string ("key " ^ Console.Key.to_string key ^ "\n");
        flush stdout;
        keys ())

let () =
  (match Console.size () with
  | Some { Console.rows; columns } -> Printf.printf "size %dx%d\n%!" rows columns
  | None -> print_endline "size unknown");
  Console.enter_raw_mode ();
  print_endline (Console.styled ~foreground:Console.Green "keys: raw mode");
  (try Soil.run (keys ()) with End_of_file -> ());
  Console.leave_raw_mode ();
  print_endline "keys: done"

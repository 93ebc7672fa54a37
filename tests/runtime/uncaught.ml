(* exit: 2
   An exception that escapes the program: buffered output is flushed, at_exit
   runs, the runtime prints the exception and a backtrace on stderr and
   exits with status 2. *)

exception Broken of int * string

let () = Printexc.record_backtrace true

let () = at_exit (fun () -> print_endline "at_exit ran")

let rec fail n = if n = 0 then raise (Broken (42, "pipe")) else 1 + fail (n - 1)

let () =
  print_string "buffered, no newline";
  Printf.printf " %d\n" (fail 3)

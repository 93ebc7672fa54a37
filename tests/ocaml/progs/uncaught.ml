(* uncaught: an exception nobody catches: stdout is flushed, the runtime
   prints "Fatal error: exception ..." on stderr, and the status is 2.
   corpus: solo exit=2 *)
exception Corpus_error of string * int

let () =
  at_exit (fun () -> print_endline "at_exit runs before the fatal error");
  print_endline "about to raise";
  raise (Corpus_error ("uncaught", 42))

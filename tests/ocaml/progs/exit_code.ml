(* exit_code: `exit 3` runs at_exit handlers, flushes stdout, and ends the
   program with status 3.
   corpus: solo exit=3 *)
let () =
  at_exit (fun () -> print_endline "at_exit handler ran");
  print_string "before exit, not yet flushed";
  print_newline ();
  print_string "unflushed text is flushed by exit\n";
  prerr_string "stderr before exit\n";
  exit 3

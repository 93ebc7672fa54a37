(* An uncaught exception: the runtime prints it on stderr and exits 2. *)
let () =
  print_endline "before";
  failwith "raised on purpose"

(* Ctrl-C typed on the console while the program waits: select and a
   blocking read of an empty pipe end with EINTR, and the program's
   SIGINT handler runs.  tests/events/run.sh types the keys on COM1. *)

let say fmt = Printf.printf (fmt ^^ "\n%!")

(* Prints that f waits, then how the wait ended. *)
let wait what f =
  say "%s: waiting" what;
  match f () with
  | _ -> say "%s: returned" what
  | exception Unix.Unix_error (Unix.EINTR, _, _) -> say "%s: EINTR" what
  | exception Unix.Unix_error (e, _, _) ->
      say "%s: %s" what (Unix.error_message e)

let () =
  let handled = ref 0 in
  Sys.set_signal Sys.sigint (Sys.Signal_handle (fun _ -> incr handled));
  let r, _ = Unix.pipe () in
  wait "select" (fun () -> ignore (Unix.select [ r ] [] [] 60.));
  wait "read" (fun () -> ignore (Unix.read r (Bytes.create 1) 0 1));
  say "SIGINT handled %d times" !handled

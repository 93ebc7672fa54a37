(* The entry point of the grouped corpus executable (run.sh appends it to
   the generated file that holds every program as a function).

   usage: corpus NAME[,NAME...] [ARGS...]

   Runs the named programs in order.  Each one sees Sys.argv as
   [| argv0; ARGS... |], as if it had been started alone.  Before each
   program a line "@@corpus NAME" goes to stdout and to stderr, and after
   the last one "@@corpus end", so that the runner can cut both streams into
   per-program parts.  With several names an exception that escapes a
   program is reported on stdout and the next program runs; the status is
   then 1.  With one name nothing is caught: the program ends the process
   as it would alone (exit, uncaught exception). *)
external modify_argv : string array -> unit = "caml_sys_modify_argv"

let marker s =
  print_string ("@@corpus " ^ s ^ "\n");
  flush stdout;
  prerr_string ("@@corpus " ^ s ^ "\n");
  flush stderr

let () =
  let argv = Sys.argv in
  if Array.length argv < 2 then begin
    prerr_endline "usage: corpus NAME[,NAME...] [ARGS...]";
    exit 64
  end;
  let names = String.split_on_char ',' argv.(1) in
  let args = Array.append [| argv.(0) |] (Array.sub argv 2 (Array.length argv - 2)) in
  let alone = List.length names = 1 in
  let cwd = Sys.getcwd () in
  let failed = ref false in
  List.iter (fun name ->
      match List.assoc_opt name programs with
      | None ->
        Printf.eprintf "corpus: no program %S\n" name;
        exit 64
      | Some run ->
        marker name;
        modify_argv args;
        (* Undo the global settings a program may leave behind. *)
        Printexc.record_backtrace false;
        Sys.chdir cwd;
        if alone then run ()
        else begin
          try run () with e ->
            Printf.printf "@@corpus %s raised %s\n" name (Printexc.to_string e);
            failed := true
        end;
        flush stdout;
        flush stderr)
    names;
  marker "end";
  exit (if !failed then 1 else 0)

(* sys_env: environment variables the runner sets (CORPUS_GREETING,
   CORPUS_EMPTY_OK) read with Sys.getenv/getenv_opt, and a missing one. *)
let () =
  Printf.printf "CORPUS_GREETING = %s\n"
    (match Sys.getenv_opt "CORPUS_GREETING" with Some v -> Printf.sprintf "%S" v | None -> "unset");
  Printf.printf "CORPUS_NUMBER = %s\n"
    (match Sys.getenv_opt "CORPUS_NUMBER" with Some v -> v | None -> "unset");
  Printf.printf "CORPUS_MISSING = %s\n"
    (match Sys.getenv "CORPUS_MISSING" with v -> v | exception Not_found -> "Not_found");
  Printf.printf "greeting in Unix.environment: %b\n"
    (Array.exists (fun s -> String.length s > 16 && String.sub s 0 16 = "CORPUS_GREETING=")
       (Unix.environment ()))

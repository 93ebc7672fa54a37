(* sys_files: Sys file functions relative to the working directory:
   file_exists, is_directory, mkdir/rmdir, readdir (sorted), rename,
   remove, chdir and back, Sys_error texts for missing files; and Sys
   constants of a 64-bit Unix. *)
let attempt f = match f () with () -> "ok" | exception Sys_error _ -> "Sys_error"

let () =
  Printf.printf "os_type %s, unix %b, win32 %b, word_size %d, int_size %d, big_endian %b\n"
    Sys.os_type Sys.unix Sys.win32 Sys.word_size Sys.int_size Sys.big_endian;
  Printf.printf "max_array_length %d, max_string_length %d, backend native: %b\n"
    Sys.max_array_length Sys.max_string_length (Sys.backend_type = Sys.Native);
  Printf.printf "ocaml_version %s, interactive %b\n" Sys.ocaml_version !Sys.interactive;
  let d = "sys_files.d" in
  Sys.mkdir d 0o755;
  Printf.printf "mkdir: exists %b, is_directory %b, again: %s\n" (Sys.file_exists d)
    (Sys.is_directory d) (attempt (fun () -> Sys.mkdir d 0o755));
  List.iter (fun n -> let oc = open_out (Filename.concat d n) in output_string oc n; close_out oc)
    [ "zeta"; "alpha"; "mid.txt" ];
  Printf.printf "readdir: %s\n" (String.concat " " (List.sort compare (Array.to_list (Sys.readdir d))));
  Sys.rename (Filename.concat d "zeta") (Filename.concat d "omega");
  Printf.printf "renamed: zeta %b, omega %b\n" (Sys.file_exists (Filename.concat d "zeta"))
    (Sys.file_exists (Filename.concat d "omega"));
  Printf.printf "is_directory on a file: %b\n" (Sys.is_directory (Filename.concat d "alpha"));
  let cwd = Sys.getcwd () in
  Sys.chdir d;
  Printf.printf "after chdir: cwd ends with %s: %b, sees alpha: %b\n" d
    (Filename.basename (Sys.getcwd ()) = d) (Sys.file_exists "alpha");
  Sys.chdir "..";
  Printf.printf "back: %b\n" (Sys.getcwd () = cwd);
  Printf.printf "remove missing: %s, rmdir non-empty: %s\n"
    (attempt (fun () -> Sys.remove (Filename.concat d "missing")))
    (attempt (fun () -> Sys.rmdir d));
  Array.iter (fun n -> Sys.remove (Filename.concat d n)) (Sys.readdir d);
  Sys.rmdir d;
  Printf.printf "gone: %b\n" (not (Sys.file_exists d));
  Printf.printf "open_in missing: %s\n"
    (match open_in "sys_files.missing" with
     | _ -> "opened?"
     | exception Sys_error m -> m);
  Printf.printf "readdir missing: %s\n"
    (match Sys.readdir "sys_files.missing" with _ -> "ok" | exception Sys_error m -> m);
  Printf.printf "Sys.time >= 0: %b, executable_name non-empty: %b\n" (Sys.time () >= 0.)
    (Sys.executable_name <> "");
  Printf.printf "file_exists /: %b, is_directory /: %b, /tmp: %b\n" (Sys.file_exists "/")
    (Sys.is_directory "/") (Sys.is_directory "/tmp");
  let tmp = Filename.temp_file "corpus" ".tmp" in
  Printf.printf "temp_file: in temp dir %b, exists %b\n"
    (Filename.dirname tmp = Filename.get_temp_dir_name ()) (Sys.file_exists tmp);
  Sys.remove tmp;
  Printf.printf "Filename: %s %s %s %s %b\n" (Filename.basename "/a/b/c.ml")
    (Filename.dirname "/a/b/c.ml") (Filename.remove_extension "x.tar.gz") (Filename.extension "x.tar.gz")
    (Filename.check_suffix "a.ml" ".ml")

(* terrarium run's stdin, stdout, stderr, arguments, environment and exit
   status: the same bytes as the program built for Linux. *)
let rec read_lines acc =
  match input_line stdin with
  | line -> read_lines (line :: acc)
  | exception End_of_file -> List.rev acc

let () =
  Printf.printf "hello from OCaml %s\n" Sys.ocaml_version;
  Array.iteri (fun i a -> if i > 0 then Printf.printf "argv[%d]=[%s]\n" i a)
    Sys.argv;
  Printf.printf "GREETING=%s\n"
    (Option.value (Sys.getenv_opt "GREETING") ~default:"(unset)");
  Printf.printf "%.3f %d %s\n" (4. *. atan 1.) (Hashtbl.hash "terrarium")
    (String.concat "," (List.map string_of_int [ 1; 2; 3 ]));
  (* str's and unix's C stubs: the libdir's musl builds. *)
  Printf.printf "%s %b\n"
    (Str.global_replace (Str.regexp "o+") "0" "foo boo")
    (Unix.gettimeofday () > 1e9);
  (* A file of the image (terrarium build --files), or the same file
     on Linux: HELLO_FILE names it. *)
  Option.iter
    (fun path ->
      let ic = open_in path in
      Printf.printf "%s: %s\n" (Filename.basename path) (input_line ic);
      close_in ic)
    (Sys.getenv_opt "HELLO_FILE");
  List.iteri (Printf.printf "stdin %d: %s\n") (read_lines []);
  prerr_endline "this line goes to stderr";
  print_string "no newline at the end";
  exit 3

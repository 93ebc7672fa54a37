(* sys_argv: the arguments the runner passes (argv.(0) is not printed: it
   names the executable, which differs between Linux and the image), and
   Arg parsing of them. *)
let () =
  let n = Array.length Sys.argv in
  Printf.printf "argc = %d\n" n;
  for i = 1 to n - 1 do Printf.printf "argv[%d] = %S\n" i Sys.argv.(i) done;
  Printf.printf "argv.(0) non-empty: %b\n" (Sys.argv.(0) <> "");
  let verbose = ref false and level = ref 0 and name = ref "" and rest = ref [] in
  let spec = [
    ("-x", Arg.Set verbose, " verbose");
    ("--level", Arg.Set_int level, "N level");
    ("--name", Arg.Set_string name, "S name");
  ] in
  (match Arg.parse_argv ~current:(ref 0) Sys.argv spec (fun a -> rest := a :: !rest) "usage" with
   | () -> Printf.printf "Arg: verbose=%b level=%d name=%S rest=[%s]\n" !verbose !level !name
             (String.concat ";" (List.rev !rest))
   | exception Arg.Bad m -> Printf.printf "Arg.Bad: %s\n" (List.hd (String.split_on_char '\n' m))
   | exception Arg.Help _ -> print_endline "Arg.Help")

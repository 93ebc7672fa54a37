let () =
  Printf.printf "hello from dune, in %s\n" (Unix.getcwd ());
  Printf.printf "%d arguments\n" (Array.length Sys.argv - 1)

(* stdin_read: reads standard input to its end (the runner feeds
   tests/ocaml/stdin.txt): line count, a digest, the first and last lines,
   then End_of_file again on a second read. *)
let () =
  let lines = ref [] in
  (try while true do lines := input_line stdin :: !lines done with End_of_file -> ());
  let l = List.rev !lines in
  Printf.printf "lines %d, bytes %d, md5 %s\n" (List.length l)
    (List.fold_left (fun n s -> n + String.length s + 1) 0 l)
    (Digest.to_hex (Digest.string (String.concat "\n" l)));
  List.iteri (fun i s -> if i < 2 then Printf.printf "first: %S\n" s) l;
  Printf.printf "last: %S\n" (List.nth l (List.length l - 1));
  Printf.printf "again: %s\n"
    (match input_line stdin with _ -> "more?" | exception End_of_file -> "End_of_file")

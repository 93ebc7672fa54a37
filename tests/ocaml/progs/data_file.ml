(* data_file: reads corpus-data.txt, which the runner puts in the working
   directory natively and in the image's / with --files: contents,
   length, line count and digest. *)
let () =
  let file = "corpus-data.txt" in
  Printf.printf "exists: %b\n" (Sys.file_exists file);
  let ic = open_in_bin file in
  let n = in_channel_length ic in
  let s = really_input_string ic n in
  close_in ic;
  let lines = List.filter (( <> ) "") (String.split_on_char '\n' s) in
  Printf.printf "length %d, lines %d, md5 %s\n" n (List.length lines) (Digest.to_hex (Digest.string s));
  List.iteri (fun i l -> if i < 3 then Printf.printf "line %d: %s\n" (i + 1) l) lines;
  let st = Unix.stat file in
  Printf.printf "stat: regular %b, size matches %b\n" (st.st_kind = Unix.S_REG) (st.st_size = n)

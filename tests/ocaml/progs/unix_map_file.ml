(* unix_map_file: Unix.map_file maps a file as a Bigarray: writes through
   a shared mapping reach the file, a mapping can grow the file, and a
   private-less reread sees the bytes. *)
open Bigarray

let () =
  let file = "unix_map_file.bin" in
  let fd = Unix.openfile file [ Unix.O_RDWR; Unix.O_CREAT; Unix.O_TRUNC ] 0o644 in
  ignore (Unix.write_substring fd "0123456789" 0 10);
  let m = array1_of_genarray (Unix.map_file fd char c_layout true [| 10 |]) in
  Printf.printf "mapped: %c%c%c, dim %d\n" m.{0} m.{5} m.{9} (Array1.dim m);
  m.{0} <- 'A';
  m.{9} <- 'Z';
  (* Growing: a mapping larger than the file extends it. *)
  let g = array1_of_genarray (Unix.map_file fd int32 c_layout true [| 1024 |]) in
  g.{1023} <- 0x41424344l;
  Printf.printf "file size after growing map: %d\n" (Unix.fstat fd).st_size;
  Unix.close fd;
  let ic = open_in_bin file in
  let s = really_input_string ic 10 in
  seek_in ic 4092;
  let tail = really_input_string ic 4 in
  close_in ic;
  Printf.printf "file starts %S, ends %S\n" s tail;
  let fd = Unix.openfile file [ Unix.O_RDONLY ] 0 in
  let ro = array1_of_genarray (Unix.map_file fd char c_layout false [| -1 |]) in
  Printf.printf "read-only map of whole file: %d bytes, first %c\n" (Array1.dim ro) ro.{0};
  Unix.close fd;
  Sys.remove file

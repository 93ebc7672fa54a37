(* stdio_channels: Stdlib channels on files: text and binary output,
   input_line, really_input, seek/pos, in_channel_length, binary ints,
   output_value/input_value, append mode, and flushing order between
   stdout and stderr. *)
let () =
  let file = "stdio_channels.txt" in
  let oc = open_out file in
  for i = 1 to 100 do Printf.fprintf oc "line %d\n" i done;
  output_string oc "no newline at end";
  close_out oc;
  let ic = open_in file in
  let first = input_line ic in
  Printf.printf "length %d, first %S\n" (in_channel_length ic) first;
  seek_in ic 700;
  let l = input_line ic in
  Printf.printf "at 700: %S, pos %d\n" l (pos_in ic);
  let lines = ref 0 in
  (try while true do ignore (input_line ic); incr lines done with End_of_file -> ());
  Printf.printf "remaining lines %d\n" !lines;
  seek_in ic 0;
  let b = Bytes.create 20 in
  really_input ic b 0 20;
  Printf.printf "really_input: %S\n" (Bytes.to_string b);
  Printf.printf "input partial: %d\n" (input ic b 0 5);
  close_in ic;
  let oc = open_out_gen [ Open_append; Open_wronly ] 0o644 file in
  output_string oc "|appended";
  close_out oc;
  let ic = open_in_bin file in
  seek_in ic (in_channel_length ic - 26);
  Printf.printf "tail: %S\n" (really_input_string ic 26);
  close_in ic;
  let bin = "stdio_channels.bin" in
  let oc = open_out_bin bin in
  output_binary_int oc 0x12345678;
  output_binary_int oc (-2);
  output_byte oc 0xab;
  output_char oc '\n';
  output_value oc (1, [ "value" ], 2.5);
  Printf.printf "pos_out %d\n" (pos_out oc);
  close_out oc;
  let ic = open_in_bin bin in
  let a = input_binary_int ic in
  let b = input_binary_int ic in
  let c = input_byte ic in
  let d = input_char ic in
  let (v1, v2, v3) : int * string list * float = input_value ic in
  Printf.printf "binary: %x %d %x %C (%d, %s, %g)\n" a b c d v1 (List.hd v2) v3;
  (match input_char ic with _ -> print_endline "more?" | exception End_of_file -> print_endline "EOF");
  close_in ic;
  Sys.remove file;
  Sys.remove bin;
  (* Writes to a closed channel fail. *)
  let oc = open_out "stdio_channels.closed" in
  close_out oc;
  (match output_string oc "x"; flush oc with
   | () -> print_endline "write after close accepted?"
   | exception Sys_error _ -> print_endline "Sys_error after close");
  Sys.remove "stdio_channels.closed";
  (* stdout and stderr are separate streams; both flushed here. *)
  print_string "to stdout";
  prerr_string "to stderr";
  print_newline ();
  prerr_newline ();
  let big = String.make 200_000 'b' in
  print_string (String.sub big 0 10);
  print_newline ();
  Printf.printf "big output digest %s\n" (Digest.to_hex (Digest.string big))

(* buffer_ops: Buffer growth past its initial size, add_* variants,
   sub/nth/truncate/reset, add_substitute and the binary adders. *)
let () =
  let b = Buffer.create 1 in
  for i = 0 to 9999 do Buffer.add_string b (string_of_int i) done;
  Printf.printf "length: %d, nth 5000: %c, digest: %s\n" (Buffer.length b)
    (Buffer.nth b 5000) (Digest.to_hex (Digest.string (Buffer.contents b)));
  Buffer.truncate b 10;
  Printf.printf "truncated: %S\n" (Buffer.contents b);
  Buffer.add_char b '!';
  Buffer.add_substring b "abcdef" 2 3;
  Buffer.add_bytes b (Bytes.of_string "<bytes>");
  Buffer.add_buffer b (let c = Buffer.create 4 in Buffer.add_string c "[c]"; c);
  Printf.printf "now: %S, sub: %S\n" (Buffer.contents b) (Buffer.sub b 10 4);
  Buffer.reset b;
  Printf.printf "after reset: %d\n" (Buffer.length b);
  Buffer.add_substitute b
    (function "name" -> "world" | "n" -> "42" | v -> "<" ^ v ^ ">")
    "hello $name, n=$n, ${name}s, $(other) and \\$ escaped";
  Printf.printf "substitute: %S\n" (Buffer.contents b);
  Buffer.clear b;
  Buffer.add_int8 b (-1);
  Buffer.add_uint16_be b 0x1234;
  Buffer.add_int32_le b 0x01020304l;
  Buffer.add_int64_be b (-2L);
  String.iter (fun c -> Printf.printf "%02x" (Char.code c)) (Buffer.contents b);
  print_newline ();
  Printf.bprintf b "|%d|%s|%.2f" 7 "x" 2.5;
  Printf.printf "bprintf tail: %S\n" (Buffer.sub b 15 (Buffer.length b - 15));
  let b2 = Buffer.of_seq (String.to_seq "from seq") in
  Buffer.add_seq b2 (List.to_seq [ '!'; '?' ]);
  Printf.printf "of_seq: %S, to_seq length: %d\n" (Buffer.contents b2)
    (Seq.fold_left (fun n _ -> n + 1) 0 (Buffer.to_seq b2));
  (try ignore (Buffer.nth b2 100) with Invalid_argument s -> Printf.printf "nth: %s\n" s);
  (try Buffer.truncate b2 100 with Invalid_argument s -> Printf.printf "truncate: %s\n" s)

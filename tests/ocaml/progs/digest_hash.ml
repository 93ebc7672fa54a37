(* digest_hash: MD5 digests (Digest) of strings, substrings, bytes and a
   file, hex conversions, and known test vectors. *)
let () =
  List.iter (fun s -> Printf.printf "md5(%S) = %s\n" s (Digest.to_hex (Digest.string s)))
    [ ""; "a"; "abc"; "message digest"; "abcdefghijklmnopqrstuvwxyz";
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890" ];
  Printf.printf "substring: %s\n" (Digest.to_hex (Digest.substring "xxabcxx" 2 3));
  Printf.printf "bytes: %s\n" (Digest.to_hex (Digest.bytes (Bytes.of_string "abc")));
  let big = String.init 1_000_000 (fun i -> Char.chr (i * 31 land 255)) in
  Printf.printf "1 MB: %s\n" (Digest.to_hex (Digest.string big));
  let file = "digest_hash.bin" in
  let oc = open_out_bin file in
  output_string oc big;
  close_out oc;
  Printf.printf "file: %s\n" (Digest.to_hex (Digest.file file));
  let ic = open_in_bin file in
  seek_in ic 1000;
  Printf.printf "channel 100: %s = %s\n" (Digest.to_hex (Digest.channel ic 100))
    (Digest.to_hex (Digest.substring big 1000 100));
  close_in ic;
  Sys.remove file;
  let d = Digest.string "round trip" in
  Printf.printf "of_hex/to_hex: %b, compare: %d, length %d\n" (Digest.from_hex (Digest.to_hex d) = d)
    (Digest.compare d d) (String.length d)

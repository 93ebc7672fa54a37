(* string_ops: String functions (split, concat, trim, escaped, search,
   prefixes, iteration), Char and Uchar, and UTF-8 decoding by hand. *)
let () =
  let s = "  The quick brown fox\tjumps\n over the lazy dog  " in
  Printf.printf "trim: %S\n" (String.trim s);
  Printf.printf "split: [%s]\n"
    (String.concat "|" (String.split_on_char ' ' (String.trim s)));
  Printf.printf "escaped: %s\n" (String.escaped "tab\there \"q\" \\ \x01\xff\n");
  Printf.printf "%%S: %S\n" "nul\000 and \127 and \xc3\xa9";
  Printf.printf "index: %d, rindex: %d, index_from: %d, contains_from: %b\n"
    (String.index s 'q') (String.rindex s 'o') (String.index_from s 10 'o')
    (String.contains_from s 30 'T');
  Printf.printf "starts_with: %b %b, ends_with: %b\n"
    (String.starts_with ~prefix:"  The" s) (String.starts_with ~prefix:"x" s)
    (String.ends_with ~suffix:"dog  " s);
  Printf.printf "exists: %b, for_all: %b, fold_left: %d, fold_right: %s\n"
    (String.exists (fun c -> c = '\t') s) (String.for_all (fun c -> c <> '#') s)
    (String.fold_left (fun n c -> if c = 'o' then n + 1 else n) 0 s)
    (String.fold_right (fun c acc -> acc ^ String.make 1 c) "abc" "");
  Printf.printf "map: %s, mapi: %s, init: %s, make: %s\n"
    (String.map Char.uppercase_ascii "hello") (String.mapi (fun i _ -> Char.chr (97 + i)) "....")
    (String.init 5 (fun i -> Char.chr (48 + i))) (String.make 3 'x');
  Printf.printf "sub: %S, compare: %d %d %d, equal: %b\n" (String.sub "abcdef" 2 3)
    (String.compare "abc" "abd") (String.compare "b" "abc") (compare "" "a")
    (String.equal "x" "x");
  Printf.printf "concat: %S, cat: %S, length: %d\n"
    (String.concat ", " [ "one"; "two"; "three" ]) (String.cat "ab" "cd")
    (String.length (String.concat "" (List.init 1000 string_of_int)));
  Printf.printf "uppercase: %s, uncapitalize: %s, hash: %d %d\n"
    (String.uppercase_ascii "mixed Case 123") (String.uncapitalize_ascii "ABC")
    (Hashtbl.hash "hello") (Hashtbl.hash "");
  Printf.printf "char: %C %C %C %d %c %s\n" 'a' '\n' '\xff' (Char.code 'A')
    (Char.chr 122) (Char.escaped '\t');
  let u = Uchar.of_int 0x1F600 in
  Printf.printf "uchar: %x valid %b %b, is_char %b, succ %x\n" (Uchar.to_int u)
    (Uchar.is_valid 0xD800) (Uchar.is_valid 0x10FFFF) (Uchar.is_char u)
    (Uchar.to_int (Uchar.succ (Uchar.of_int 0xD7FF)));
  let b = Buffer.create 16 in
  List.iter (fun c -> Buffer.add_utf_8_uchar b (Uchar.of_int c))
    [ 0x41; 0xe9; 0x20ac; 0x1F600 ];
  let utf8 = Buffer.contents b in
  Printf.printf "utf-8: %d bytes:" (String.length utf8);
  String.iter (fun c -> Printf.printf " %02x" (Char.code c)) utf8;
  print_newline ();
  print_endline utf8;
  (* A by-hand decoder of what was just encoded. *)
  let rec decode i acc =
    if i >= String.length utf8 then List.rev acc
    else
      let c = Char.code utf8.[i] in
      let n, v = if c < 0x80 then 1, c else if c < 0xe0 then 2, c land 0x1f
        else if c < 0xf0 then 3, c land 0x0f else 4, c land 0x07 in
      let v = ref v in
      for k = 1 to n - 1 do v := (!v lsl 6) lor (Char.code utf8.[i + k] land 0x3f) done;
      decode (i + n) (!v :: acc)
  in
  Printf.printf "decoded: %s\n" (String.concat " " (List.map (Printf.sprintf "U+%04X") (decode 0 [])));
  Printf.printf "to_seq: %s, of_seq: %s\n"
    (String.concat "," (List.of_seq (Seq.map (String.make 1) (String.to_seq "xyz"))))
    (String.of_seq (List.to_seq [ 'o'; 'k' ]));
  Printf.printf "get_int32_be: %lx, get_uint16_le: %x\n"
    (String.get_int32_be "\x12\x34\x56\x78" 0) (String.get_uint16_le "\x01\x02" 0)

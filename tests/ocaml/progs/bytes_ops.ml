(* bytes_ops: Bytes creation, blit (overlapping too), fill, sub, extend,
   search, case mapping, and the binary integer accessors. *)
let () =
  let b = Bytes.make 16 '.' in
  Bytes.blit_string "hello, world" 0 b 2 12;
  Printf.printf "%S\n" (Bytes.to_string b);
  Bytes.blit b 2 b 4 10;
  Printf.printf "overlap right: %S\n" (Bytes.to_string b);
  Bytes.blit b 4 b 0 10;
  Printf.printf "overlap left: %S\n" (Bytes.to_string b);
  Bytes.fill b 3 4 '#';
  Printf.printf "fill: %S\n" (Bytes.to_string b);
  (* The bytes Bytes.extend adds are uninitialised: not printed. *)
  let e = Bytes.extend b 2 3 in
  Printf.printf "sub: %S, extend: %d %S, extend neg: %S\n"
    (Bytes.sub_string b 1 5) (Bytes.length e) (Bytes.sub_string e 2 16)
    (Bytes.to_string (Bytes.extend b (-3) (-2)));
  Printf.printf "index: %d, rindex: %d, index_from_opt: %s, contains: %b\n"
    (Bytes.index b '#') (Bytes.rindex b '#')
    (match Bytes.index_from_opt b 8 '#' with Some i -> string_of_int i | None -> "none")
    (Bytes.contains b 'w');
  Printf.printf "upper: %S, lower: %S, cap: %S\n"
    (Bytes.to_string (Bytes.uppercase_ascii (Bytes.of_string "abC-z\xe9")))
    (Bytes.to_string (Bytes.lowercase_ascii (Bytes.of_string "ABc-Z")))
    (Bytes.to_string (Bytes.capitalize_ascii (Bytes.of_string "ocaml")));
  Printf.printf "cat: %S, concat: %S, empty: %d\n"
    (Bytes.to_string (Bytes.cat (Bytes.of_string "ab") (Bytes.of_string "cd")))
    (Bytes.to_string (Bytes.concat (Bytes.of_string ", ")
                        (List.map Bytes.of_string [ "x"; "y"; "z" ])))
    (Bytes.length Bytes.empty);
  let m = Bytes.create 16 in
  Bytes.set_int64_le m 0 0x0102030405060708L;
  Bytes.set_int32_be m 8 0xa1b2c3d4l;
  Bytes.set_uint16_le m 12 0xbeef;
  Bytes.set_int8 m 14 (-2);
  Bytes.set_uint8 m 15 255;
  String.iter (fun c -> Printf.printf "%02x" (Char.code c)) (Bytes.to_string m);
  print_newline ();
  Printf.printf "get: %Lx %Lx %lx %ld %d %d %d %d %d\n"
    (Bytes.get_int64_be m 0) (Bytes.get_int64_le m 0) (Bytes.get_int32_le m 8)
    (Bytes.get_int32_be m 8) (Bytes.get_uint16_be m 12) (Bytes.get_int16_le m 12)
    (Bytes.get_int8 m 14) (Bytes.get_uint8 m 14) (Bytes.get_int8 m 15);
  (match Bytes.get m 16 with
   | _ -> print_endline "no bound check?"
   | exception Invalid_argument s -> Printf.printf "Invalid_argument %S\n" s);
  (match Bytes.sub b 10 10 with
   | _ -> print_endline "no bound check?"
   | exception Invalid_argument s -> Printf.printf "Invalid_argument %S\n" s);
  let big = Bytes.make 100_000 'a' in
  Bytes.set big 99_999 'z';
  Printf.printf "big: %d %c %c, equal copy: %b, compare: %d\n" (Bytes.length big)
    (Bytes.get big 0) (Bytes.get big 99_999) (Bytes.equal big (Bytes.copy big))
    (Bytes.compare (Bytes.of_string "abc") (Bytes.of_string "abd"));
  Printf.printf "map: %S, mapi: %S, fold: %d\n"
    (Bytes.to_string (Bytes.map Char.uppercase_ascii (Bytes.of_string "map me")))
    (Bytes.to_string (Bytes.mapi (fun i c -> if i mod 2 = 0 then c else '_')
                        (Bytes.of_string "abcdef")))
    (Bytes.fold_left (fun a c -> a + Char.code c) 0 (Bytes.of_string "ABC"))

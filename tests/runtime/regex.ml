(* exit: 0
   The str library: matching, groups, replacement, splitting. *)

let () =
  let r = Str.regexp "\\([a-z]+\\)-\\([0-9]+\\)" in
  let s = "alpha-1 beta-22 gamma-333" in
  let pos = Str.search_forward r s 3 in
  Printf.printf "found at %d: %s / %s / %s\n" pos (Str.matched_string s)
    (Str.matched_group 1 s) (Str.matched_group 2 s);
  Printf.printf "%s\n" (Str.global_replace r "\\2=\\1" s);
  Printf.printf "%s\n" (Str.replace_first (Str.regexp "a+") "A" "baaad");
  Printf.printf "%s\n"
    (String.concat "|" (Str.split (Str.regexp "[ \t,]+") " a, b\tc,,d "));
  Printf.printf "%s\n"
    (String.concat "|" (Str.bounded_split (Str.regexp ":") "x:y:z:w" 2));
  List.iter
    (function
      | Str.Text t -> Printf.printf "T(%s)" t
      | Str.Delim d -> Printf.printf "D(%s)" d)
    (Str.full_split (Str.regexp "[0-9]+") "ab12cd345");
  print_newline ();
  Printf.printf "case fold %b, exact %b\n"
    (Str.string_match (Str.regexp_case_fold "hello") "HeLLo world" 0)
    (Str.string_match (Str.regexp "hello") "HeLLo world" 0);
  Printf.printf "quote %s matches %b\n" (Str.quote "a.b*c")
    (Str.string_match (Str.regexp (Str.quote "a.b*c")) "a.b*c" 0);
  Printf.printf "backward %d\n" (Str.search_backward (Str.regexp "b") "abcabc" 5);
  Printf.printf "partial %b\n" (Str.string_partial_match (Str.regexp "abcd") "ab" 0);
  let r = Str.regexp "^\\(.*\\)$" in
  Printf.printf "lines %s\n"
    (Str.global_substitute r (fun s -> "<" ^ Str.matched_group 1 s ^ ">") "one\ntwo");
  let long = String.concat "" (List.init 10_000 (fun i -> if i mod 97 = 0 then "x" else "y")) in
  let n = ref 0 and p = ref 0 in
  (try
     while true do
       p := Str.search_forward (Str.regexp_string "x") long !p + 1;
       incr n
     done
   with Not_found -> ());
  Printf.printf "count %d\n" !n;
  match Str.search_forward (Str.regexp "zzz") "abc" 0 with
  | _ -> print_endline "zzz found?"
  | exception Not_found -> print_endline "zzz not found"

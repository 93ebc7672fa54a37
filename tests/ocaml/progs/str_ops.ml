(* str_ops: the Str library: regexp matching and groups, search forward
   and backward, global/first replace with \N, splits (plain, bounded,
   delimiters kept), case folding, quote, partial matches. *)
let () =
  let re = Str.regexp "\\([a-z]+\\)@\\([a-z]+\\)\\.\\(com\\|org\\)" in
  let text = "mail alice@example.com or bob@test.org, not carol@x.net" in
  let rec all pos acc =
    match Str.search_forward re text pos with
    | p -> all (Str.match_end ()) ((p, Str.matched_group 1 text, Str.matched_group 2 text,
                                   Str.matched_group 3 text) :: acc)
    | exception Not_found -> List.rev acc
  in
  List.iter (fun (p, u, d, t) -> Printf.printf "at %d: user=%s domain=%s tld=%s\n" p u d t) (all 0 []);
  Printf.printf "global_replace: %s\n" (Str.global_replace re "<\\2:\\1>" text);
  Printf.printf "replace_first: %s\n" (Str.replace_first (Str.regexp "o+") "0" "foo boo");
  Printf.printf "substitute: %s\n"
    (Str.global_substitute (Str.regexp "[0-9]+")
       (fun s -> string_of_int (2 * int_of_string (Str.matched_string s))) "a1 b22 c333");
  let show l = String.concat "|" l in
  Printf.printf "split: %s\n" (show (Str.split (Str.regexp "[ \t,]+") "  a, b\tc,,d  "));
  Printf.printf "split_delim: %s\n" (show (Str.split_delim (Str.regexp ",") ",a,,b,"));
  Printf.printf "bounded_split: %s\n" (show (Str.bounded_split (Str.regexp ":") "a:b:c:d" 2));
  Printf.printf "full_split: %s\n"
    (show (List.map (function Str.Text t -> "T" ^ t | Str.Delim d -> "D" ^ d)
             (Str.full_split (Str.regexp "[+-]") "1+2-3")));
  Printf.printf "string_match: %b %b, match_beginning: %d\n"
    (Str.string_match (Str.regexp "[0-9]+$") "12345" 0)
    (Str.string_match (Str.regexp "[0-9]+$") "123a" 0)
    (if Str.string_match (Str.regexp ".*\\(b+\\)") "aabbbc" 0 then Str.group_beginning 1 else -1);
  Printf.printf "case_fold: %b, quote: %s, matches quoted: %b\n"
    (Str.string_match (Str.regexp_case_fold "hello") "HeLLo" 0) (Str.quote "a.b*c[d]")
    (Str.string_match (Str.regexp (Str.quote "a.b*c")) "a.b*c" 0);
  Printf.printf "search_backward: %d, partial: %b %b\n"
    (Str.search_backward (Str.regexp "ab") "ab ab ab" 7)
    (Str.string_partial_match (Str.regexp "abcdef") "abc" 0)
    (Str.string_partial_match (Str.regexp "abcdef") "abx" 0);
  Printf.printf "regexp_string: %b, first_chars: %s, last_chars: %s\n"
    (Str.string_match (Str.regexp_string "1+1") "1+1=2" 0) (Str.first_chars "abcdef" 2)
    (Str.last_chars "abcdef" 3);
  Printf.printf "optional group: %s\n"
    (if Str.string_match (Str.regexp "a\\(x\\)?b") "ab" 0 then
       (try Str.matched_group 1 "ab" with Not_found -> "group unmatched")
     else "no match");
  (* A larger input: count words of a generated text. *)
  let big = String.concat " " (List.init 5000 (fun i -> if i mod 7 = 0 then "seven" else "w" ^ string_of_int i)) in
  Printf.printf "words: %d, sevens: %d\n" (List.length (Str.split (Str.regexp " ") big))
    (List.length (Str.full_split (Str.regexp "seven") big) / 2)

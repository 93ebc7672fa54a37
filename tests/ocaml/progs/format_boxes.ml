(* format_boxes: Format boxes (h, v, hv, hov, b), break hints, margins,
   %a printers, pp_print_list, asprintf, semantic tags and float output. *)
type tree = Leaf of int | Node of string * tree list

let rec pp_tree ppf = function
  | Leaf i -> Format.fprintf ppf "%d" i
  | Node (n, ts) ->
    Format.fprintf ppf "@[<hv 2>%s(@,%a)@]" n
      (Format.pp_print_list ~pp_sep:(fun ppf () -> Format.fprintf ppf ",@ ") pp_tree) ts

let rec build d = if d = 0 then Leaf d else
    Node ("n" ^ string_of_int d, List.init 3 (fun i -> if i = 1 then build (d - 1) else Leaf i))

let with_margin m f =
  let b = Buffer.create 256 in
  let ppf = Format.formatter_of_buffer b in
  Format.pp_set_margin ppf m;
  f ppf;
  Format.pp_print_flush ppf ();
  Buffer.contents b

let () =
  List.iter (fun m ->
      Printf.printf "--- margin %d\n%s\n" m (with_margin m (fun ppf -> pp_tree ppf (build 4))))
    [ 80; 30; 12 ];
  print_string (with_margin 20 (fun ppf ->
      Format.fprintf ppf "@[<v 2>vbox:@,one@,two@,@[<h>h box stays on one line \
                          however long@]@]@."));
  print_string (with_margin 20 (fun ppf ->
      Format.fprintf ppf "@[<hov 1>hov box fills lines with words as many as fit@]@."));
  print_string (with_margin 20 (fun ppf ->
      Format.fprintf ppf "@[<b 4>b box:@ aaaa@ bbbb@ cccc@;<1 8>dddd@ eeee@]@."));
  print_string (with_margin 40 (fun ppf ->
      Format.fprintf ppf "floats: %g %f %.3e %F %h@." 0.1 (-0.) 12345.678 1e100 1.5));
  Printf.printf "%s\n" (Format.asprintf "%a and %s and %5d|%-5s|" pp_tree (build 1) "str" 42 "x");
  Printf.printf "%s\n" (Format.asprintf "@[list: %a@]"
                          Format.(pp_print_list ~pp_sep:pp_print_space pp_print_int)
                          [ 1; 2; 3 ]);
  Printf.printf "%s\n" (Format.asprintf "%a" Format.pp_print_text "text with  spaces\nand a newline");
  Printf.printf "%s\n" (Format.asprintf "option: %a %a, result: %a"
                          Format.(pp_print_option pp_print_int) (Some 3)
                          Format.(pp_print_option ~none:(fun ppf () -> pp_print_string ppf "none") pp_print_int) None
                          Format.(pp_print_result ~ok:pp_print_int ~error:pp_print_string) (Error "bad"));
  (* Semantic tags with a custom tag printer. *)
  let b = Buffer.create 64 in
  let ppf = Format.formatter_of_buffer b in
  Format.pp_set_tags ppf true;
  Format.pp_set_mark_tags ppf true;
  Format.fprintf ppf "@{<em>tagged@} and @{<strong>@{<em>nested@}@}@?";
  Printf.printf "tags: %s\n" (Buffer.contents b);
  let b = Buffer.create 64 in
  let ppf = Format.formatter_of_buffer b in
  Format.pp_set_max_indent ppf 10;
  Format.pp_set_margin ppf 15;
  Format.pp_set_max_boxes ppf 3;
  Format.fprintf ppf "@[a@[b@[c@[d@[e@]@]@]@]@]@?";
  Printf.printf "max boxes: %S\n" (Buffer.contents b);
  Printf.printf "kasprintf: %s\n" (Format.kasprintf String.uppercase_ascii "%s-%d" "k" 9);
  Format.printf "@[std formatter: %d@]@." 17

(* backtrace: Printexc.record_backtrace true (OCAMLRUNPARAM is not relied
   upon): the backtrace of a raise through several non-inlined frames, of a
   re-raise, of raise_notrace, and Printexc.get_callstack.  Only the shape
   (frame count, file, line, characters) is printed, not function names. *)
exception Deep of int

let[@inline never] rec down n = if n = 0 then raise (Deep 0) else 1 + down (n - 1)
let[@inline never] middle () = down 3 + 1
let[@inline never] top () = middle () * 2

let shape bt =
  match Printexc.backtrace_slots bt with
  | None -> "no slots"
  | Some slots ->
    let describe s =
      match Printexc.Slot.location s with
      | None -> "?"
      | Some l -> Printf.sprintf "%s:%d:%d-%d%s" l.filename l.line_number l.start_char
                    l.end_char (if Printexc.Slot.is_raise s then " raise" else "")
    in
    Printf.sprintf "%d frames: %s" (Array.length slots)
      (String.concat " | " (Array.to_list (Array.map describe slots)))

let () =
  Printexc.record_backtrace true;
  Printf.printf "backtrace_status: %b\n" (Printexc.backtrace_status ());
  (try ignore (top ()) with Deep _ -> print_endline (shape (Printexc.get_raw_backtrace ())));
  (* Re-raise keeps the original raise point at the bottom. *)
  (try (try ignore (top ()) with e -> raise e)
   with Deep _ -> print_endline (shape (Printexc.get_raw_backtrace ())));
  (* A second raise from a handler: reraise keeps the trace. *)
  (try (try ignore (middle ()) with e -> Printexc.raise_with_backtrace e (Printexc.get_raw_backtrace ()))
   with Deep _ -> print_endline (shape (Printexc.get_raw_backtrace ())));
  (try raise_notrace (Deep 1) with Deep _ ->
     Printf.printf "after raise_notrace, the previous trace: %d slots\n"
       (match Printexc.backtrace_slots (Printexc.get_raw_backtrace ()) with
        | None -> 0 | Some a -> Array.length a));
  let[@inline never] f () = Printexc.get_callstack 3 in
  let cs = f () in
  Printf.printf "callstack length: %d\n" (Printexc.raw_backtrace_length cs);
  (* The printed form: lines starting "Raised at"/"Called from". *)
  (try ignore (top ()) with Deep _ ->
     let lines = String.split_on_char '\n' (Printexc.get_backtrace ()) in
     let kinds = List.filter_map (fun l ->
         if String.length l = 0 then None
         else Some (List.hd (String.split_on_char ' ' l))) lines in
     Printf.printf "printed kinds: %s\n" (String.concat "," kinds));
  Printexc.record_backtrace false;
  (try ignore (top ()) with Deep _ ->
     Printf.printf "recording off: %S\n" (Printexc.get_backtrace ()))

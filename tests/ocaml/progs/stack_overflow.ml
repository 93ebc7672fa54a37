(* stack_overflow: deep non-tail recursion overflows the stack and is
   caught as Stack_overflow; the program then goes on and recurses again. *)
let rec depth n = if n < 0 then 0 else 1 + depth (n + 1)

let rec build n = if n = 0 then [] else n :: build (n - 1)

let () =
  (match depth 0 with
   | _ -> print_endline "returned?"
   | exception Stack_overflow -> print_endline "caught Stack_overflow");
  (* The stack is usable again, for a second overflow too. *)
  Printf.printf "after: %d\n" (List.length (build 10_000));
  (match build max_int with
   | _ -> print_endline "returned?"
   | exception Stack_overflow -> print_endline "caught Stack_overflow again");
  Printf.printf "still fine: %d\n" (List.fold_left ( + ) 0 (build 1000))

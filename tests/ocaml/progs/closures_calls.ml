(* closures_calls: deep tail calls and mutual tail recursion in constant
   stack, curried and partial applications (over and under the argument
   count, caml_applyN/caml_curryN), labelled and optional arguments,
   closures capturing mutable state, and higher-order pipelines. *)
let rec loop n acc = if n = 0 then acc else loop (n - 1) (acc + n land 7)
let rec even n = n = 0 || odd (n - 1)
and odd n = n <> 0 && even (n - 1)

let f8 a b c d e f g h = a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h
let sum ?(init = 0) ?step ~from ~upto () =
  let step = Option.value step ~default:1 in
  let rec go i acc = if i > upto then acc else go (i + step) (acc + i) in
  go from init

let () =
  Printf.printf "tail loop 10M: %d\n" (loop 10_000_000 0);
  Printf.printf "mutual 1M: %b %b\n" (even 1_000_000) (odd 999_999);
  let p3 = f8 1 2 3 in
  let p5 = p3 4 5 in
  Printf.printf "partial: %d %d %d\n" (p5 6 7 8) (p3 0 0 0 0 0) (f8 1 1 1 1 1 1 1 1);
  let app = List.map (fun f -> f 1) [ f8 0 0 0 0 0 0 0; (fun x -> x * 100) ] in
  Printf.printf "applied: %s\n" (String.concat " " (List.map string_of_int app));
  let over = (fun a -> fun b -> fun c -> a * b * c) 2 3 4 in
  Printf.printf "over-application: %d\n" over;
  Printf.printf "labels: %d %d %d %d\n" (sum ~from:1 ~upto:10 ()) (sum ~init:100 ~from:1 ~upto:3 ())
    (sum ~step:3 ~upto:10 ~from:0 ()) (let s = sum ~from:5 in s ~upto:6 ());
  let counter () = let c = ref 0 in (fun () -> incr c; !c), (fun () -> c := 0) in
  let next, reset = counter () in
  ignore (next ()); ignore (next ());
  let before = next () in
  reset ();
  Printf.printf "closure state: %d then %d\n" before (next ());
  let compose = List.fold_left (fun acc f x -> f (acc x)) Fun.id in
  let pipeline x = String.length (string_of_int (compose [ succ; ( * ) 2; (fun x -> x - 3) ] x)) in
  Printf.printf "pipeline: %d\n" (pipeline 12345);
  let adders = Array.init 100 (fun i -> fun x -> x + i) in
  Printf.printf "array of closures: %d\n" (Array.fold_left (fun acc f -> f acc) 0 adders);
  (* Float-heavy closure calls (unboxed floats across calls). *)
  let integrate f a b n =
    let h = (b -. a) /. float n in
    let rec go i acc = if i = n then acc *. h else go (i + 1) (acc +. f (a +. h *. (float i +. 0.5))) in
    go 0 0. in
  Printf.printf "integral of x^2 on [0,3]: %.10f\n" (integrate (fun x -> x *. x) 0. 3. 100_000);
  let ( |>> ) x f = f x in
  Printf.printf "custom operator: %d\n" (3 |>> succ |>> ( * ) 7)

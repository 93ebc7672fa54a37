(* functors: functors with sharing constraints, applicative functors,
   first-class modules packed and unpacked, recursive modules, include,
   module type of, and a functor over a first-class module list. *)
module type MONOID = sig type t val zero : t val add : t -> t -> t val show : t -> string end

module Sum (M : MONOID) = struct
  let sum l = List.fold_left M.add M.zero l
  let show_sum l = M.show (sum l)
end

module IntM = struct type t = int let zero = 0 let add = ( + ) let show = string_of_int end
module StrM = struct type t = string let zero = "" let add = ( ^ ) let show s = s end
module PairM (A : MONOID) (B : MONOID) : MONOID with type t = A.t * B.t = struct
  type t = A.t * B.t
  let zero = (A.zero, B.zero)
  let add (a, b) (c, d) = (A.add a c, B.add b d)
  let show (a, b) = "(" ^ A.show a ^ ", " ^ B.show b ^ ")"
end

module rec Even : sig val is : int -> bool end = struct
  let is n = n = 0 || Odd.is (n - 1)
end
and Odd : sig val is : int -> bool end = struct
  let is n = n <> 0 && Even.is (n - 1)
end

module Extended = struct
  include IntM
  let double x = add x x
end

module type SHOW = sig type t val show : t -> string end
module type COUNTER = sig val next : unit -> int end

let show_all (type a) (module S : SHOW with type t = a) (l : a list) =
  String.concat "," (List.map S.show l)

let monoids : (string * (module MONOID)) list = [
  ("int", (module IntM)); ("string", (module StrM));
]

let () =
  let module S = Sum (IntM) in
  let module T = Sum (StrM) in
  let module P = Sum (PairM (IntM) (StrM)) in
  Printf.printf "%s %s %s\n" (S.show_sum [ 1; 2; 3 ]) (T.show_sum [ "a"; "b" ])
    (P.show_sum [ (1, "x"); (2, "y") ]);
  Printf.printf "even 10: %b, odd 7: %b, double: %d\n" (Even.is 10) (Odd.is 7) (Extended.double 21);
  Printf.printf "show_all: %s | %s\n" (show_all (module IntM) [ 1; 2 ])
    (show_all (module struct type t = float let show = string_of_float end) [ 0.5 ]);
  List.iter (fun (name, (module M : MONOID)) ->
      Printf.printf "%s zero: %S\n" name (M.show M.zero)) monoids;
  (* Choose an implementation at run time. *)
  let pick b = if b then (module IntM : MONOID) else (module StrM : MONOID) in
  let module Chosen = (val pick (Array.length Sys.argv >= 0)) in
  Printf.printf "chosen zero: %s\n" (Chosen.show Chosen.zero);
  (* A functor applied in a loop through a first-class functor value. *)
  let make start = (module struct
      let c = ref start
      let next () = incr c; !c
    end : COUNTER) in
  let counters = List.map make [ 0; 100 ] in
  List.iter (fun (module C : COUNTER) -> ignore (C.next ()); Printf.printf "counter %d\n" (C.next ()))
    counters;
  let module M = Map.Make (struct type t = int * int let compare = compare end) in
  let m = M.add (1, 2) "a" (M.add (0, 5) "b" M.empty) in
  Printf.printf "map with pair keys: %s\n" (String.concat " " (List.map snd (M.bindings m)))

(* gadts: a typed expression language evaluated with GADTs, existential
   packing, type equality witnesses, locally abstract types, and
   polymorphic variants with open and closed rows. *)
type _ expr =
  | Int : int -> int expr
  | Bool : bool -> bool expr
  | Add : int expr * int expr -> int expr
  | If : bool expr * 'a expr * 'a expr -> 'a expr
  | Eq : int expr * int expr -> bool expr
  | Pair : 'a expr * 'b expr -> ('a * 'b) expr
  | Fst : ('a * 'b) expr -> 'a expr

let rec eval : type a. a expr -> a = function
  | Int n -> n
  | Bool b -> b
  | Add (a, b) -> eval a + eval b
  | If (c, t, e) -> if eval c then eval t else eval e
  | Eq (a, b) -> eval a = eval b
  | Pair (a, b) -> (eval a, eval b)
  | Fst p -> fst (eval p)

let rec show : type a. a expr -> string = function
  | Int n -> string_of_int n
  | Bool b -> string_of_bool b
  | Add (a, b) -> "(" ^ show a ^ " + " ^ show b ^ ")"
  | If (c, t, e) -> "if " ^ show c ^ " then " ^ show t ^ " else " ^ show e
  | Eq (a, b) -> show a ^ " = " ^ show b
  | Pair (a, b) -> "<" ^ show a ^ ", " ^ show b ^ ">"
  | Fst p -> "fst " ^ show p

type any = Any : 'a expr * ('a -> string) -> any

type (_, _) eq = Refl : ('a, 'a) eq
type _ ty = TInt : int ty | TString : string ty
let ty_eq : type a b. a ty -> b ty -> (a, b) eq option = fun a b ->
  match a, b with
  | TInt, TInt -> Some Refl
  | TString, TString -> Some Refl
  | _ -> None

let cast : type a b. a ty -> b ty -> a -> b option = fun ta tb x ->
  match ty_eq ta tb with Some Refl -> Some x | None -> None

let color = function `Red -> "red" | `Green -> "green" | `Rgb (r, g, b) -> Printf.sprintf "#%02x%02x%02x" r g b
type basic = [ `Red | `Green ]
let lighten = function `Rgb (r, g, b) -> `Rgb (min 255 (r + 16), g, b) | #basic as c -> c

let () =
  let e = If (Eq (Add (Int 2, Int 3), Int 5), Pair (Int 1, Bool true), Pair (Int 0, Bool false)) in
  let (i, b) = eval e in
  Printf.printf "%s => (%d, %b)\n" (show e) i b;
  Printf.printf "fst: %d\n" (eval (Fst (Pair (Add (Int 40, Int 2), Bool false))));
  let items = [ Any (Int 7, string_of_int); Any (Bool false, string_of_bool);
                Any (Pair (Int 1, Int 2), fun (a, b) -> Printf.sprintf "%d&%d" a b) ] in
  List.iter (fun (Any (e, to_s)) -> Printf.printf "any: %s -> %s\n" (show e) (to_s (eval e))) items;
  Printf.printf "cast int->int: %s, int->string: %s\n"
    (match cast TInt TInt 5 with Some n -> string_of_int n | None -> "none")
    (match cast TInt TString 5 with Some s -> s | None -> "none");
  List.iter (fun c -> Printf.printf "%s -> %s\n" (color c) (color (lighten c)))
    [ `Red; `Green; `Rgb (250, 10, 200) ];
  let rec depth : type a. a expr -> int = function
    | Int _ | Bool _ -> 1
    | Add (a, b) | Eq (a, b) -> 1 + max (depth a) (depth b)
    | If (c, t, e) -> 1 + max (depth c) (max (depth t) (depth e))
    | Pair (a, b) -> 1 + max (depth a) (depth b)
    | Fst p -> 1 + depth p
  in
  let rec big n = if n = 0 then Int 1 else Add (big (n - 1), Int n) in
  Printf.printf "depth %d, value %d\n" (depth (big 1000)) (eval (big 1000))

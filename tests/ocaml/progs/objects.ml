(* objects: classes with inheritance, virtual and private methods,
   initialisers, functional update {< >}, Oo.copy, immediate objects,
   polymorphic methods, row polymorphism and coercion. *)
class virtual shape name = object (self)
  val name : string = name
  method virtual area : float
  method describe = Printf.sprintf "%s with area %.2f" name self#area
  method private secret = 42
  method reveal = self#secret
end

class circle r = object
  inherit shape "circle"
  val r = r
  method area = 3.141592653589793 *. r *. r
end

class square s = object
  inherit shape "square" as super
  method area = s *. s
  method! describe = "a " ^ super#describe
end

class counter = object
  val mutable n = 0
  val log = Buffer.create 10
  initializer Buffer.add_string log "init;"
  method incr = n <- n + 1; Buffer.add_string log "incr;"; n
  method get = n
  method with_n m = {< n = m >}
  method log = Buffer.contents log
end

class ['a] stack = object
  val mutable items : 'a list = []
  method push x = items <- x :: items
  method pop = match items with [] -> None | x :: t -> items <- t; Some x
  method size = List.length items
end

let total_area (l : < area : float; .. > list) = List.fold_left (fun a s -> a +. s#area) 0. l

let () =
  let shapes = [ (new circle 1.0 :> shape); (new square 2.0 :> shape) ] in
  List.iter (fun s -> print_endline s#describe) shapes;
  Printf.printf "total %.4f, reveal %d\n" (total_area shapes) (List.hd shapes)#reveal;
  let c = new counter in
  ignore c#incr; ignore c#incr;
  let c2 = c#with_n 10 in
  let c3 = Oo.copy c in
  ignore c3#incr;
  Printf.printf "counter %d, functional update %d, copy %d, log %s\n" c#get c2#get c3#get c#log;
  let s = new stack in
  List.iter s#push [ "a"; "b"; "c" ];
  Printf.printf "stack size %d, pop %s\n" s#size (match s#pop with Some x -> x | None -> "-");
  let point = object
    val x = 3 val y = 4
    method norm = sqrt (float_of_int (x * x + y * y))
    method area = 0.
  end in
  Printf.printf "immediate: %.1f, as shape-like: %.1f\n" point#norm (total_area [ point ]);
  let poly = object method id : 'a. 'a -> 'a = fun x -> x end in
  Printf.printf "polymorphic method: %d %s\n" (poly#id 5) (poly#id "five");
  Printf.printf "same object: %b, different: %b\n" (c == c) (c == c3);
  (* Many objects and method calls through the method cache. *)
  let objs = Array.init 1000 (fun i -> if i mod 2 = 0 then (new circle (float i) :> shape)
                               else (new square (float i) :> shape)) in
  Printf.printf "sum of areas: %.6e\n" (Array.fold_left (fun a s -> a +. s#area) 0. objs)

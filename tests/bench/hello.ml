(* The smallest useful program: the image-size benchmark's subject. *)
let () = print_endline "hello from Terrarium"

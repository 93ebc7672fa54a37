(* out_of_memory: allocations larger than any machine are refused with
   Out_of_memory (not Invalid_argument), and the program continues. *)
let attempt name f =
  match f () with
  | _ -> Printf.printf "%s: allocated?\n" name
  | exception Out_of_memory -> Printf.printf "%s: Out_of_memory\n" name
  | exception Invalid_argument m -> Printf.printf "%s: Invalid_argument %s\n" name m

let () =
  attempt "Array.make max_array_length 0.0" (fun () -> Array.make Sys.max_array_length 0.0);
  attempt "Bytes.create max_string_length" (fun () -> Bytes.create Sys.max_string_length);
  attempt "Bigarray 2^50 bytes" (fun () ->
      Bigarray.Array1.create Bigarray.char Bigarray.c_layout (1 lsl 50));
  attempt "Array.make (max_array_length + 1)" (fun () -> Array.make (Sys.max_array_length + 1) 0);
  Printf.printf "after: %d\n" (Array.length (Array.make 1000 0.0))

(* marshal_ops: Marshal round trips of ints, floats, strings, nested and
   cyclic data, sharing, No_sharing, closures; the bytes of the encoding
   (a digest), header/total sizes, and a round trip through a file. *)
type rec_t = { name : string; values : float array; next : rec_t option }
type tree = Leaf | Node of tree * int * tree

let rec build d = if d = 0 then Leaf else Node (build (d - 1), d, build (d - 1))
let hex s = Digest.to_hex (Digest.string s)

let () =
  let values : (string * Obj.t) list = [
    ("int", Obj.repr 42); ("neg", Obj.repr (-1)); ("big", Obj.repr max_int);
    ("float", Obj.repr 3.14); ("string", Obj.repr "marshal me");
    ("list", Obj.repr [ 1; 2; 3 ]); ("tuple", Obj.repr (1, "a", 2.5, 'c'));
    ("record", Obj.repr { name = "r"; values = [| 1.; nan; -0. |]; next = None });
    ("int64", Obj.repr 0x123456789abcdefL); ("int32", Obj.repr (-5l));
    ("nativeint", Obj.repr 77n); ("tree", Obj.repr (build 6));
    ("long string", Obj.repr (String.make 70_000 'x'));
    ("float array", Obj.repr (Array.init 300 float_of_int));
  ] in
  List.iter (fun (name, v) ->
      let s = Marshal.to_string v [] in
      Printf.printf "%s: %d bytes, header %d, data %d, md5 %s\n" name (String.length s)
        Marshal.header_size (Marshal.data_size (Bytes.of_string s) 0) (hex s))
    values;
  let r = { name = "first"; values = [| 1.5; 2.5 |]; next = Some { name = "second"; values = [||]; next = None } } in
  let r' : rec_t = Marshal.from_string (Marshal.to_string r []) 0 in
  Printf.printf "record back: %b %s\n" (r = r')
    (match r'.next with Some n -> n.name | None -> "none");
  let t = build 10 in
  let t' : tree = Marshal.from_string (Marshal.to_string t []) 0 in
  Printf.printf "tree back: %b\n" (t = t');
  (* Sharing: a shared string stays shared unless No_sharing. *)
  let s = String.make 1000 's' in
  let shared = (s, s, s) in
  let a = Marshal.to_string shared [] and b = Marshal.to_string shared [ Marshal.No_sharing ] in
  let (x, y, _) : string * string * string = Marshal.from_string a 0 in
  let (x', y', _) : string * string * string = Marshal.from_string b 0 in
  Printf.printf "sharing: %d vs %d bytes, physically shared back: %b %b\n"
    (String.length a) (String.length b) (x == y) (x' == y');
  (* A cyclic list. *)
  let rec cyc = 1 :: 2 :: cyc in
  let c : int list = Marshal.from_string (Marshal.to_string cyc []) 0 in
  Printf.printf "cycle: %d %d %d, %b\n" (List.nth c 0) (List.nth c 1) (List.nth c 5)
    (List.tl (List.tl c) == c);
  (* Closures round trip within the same program. *)
  let k = 10 in
  let f = fun x -> x * k + 1 in
  let f' : int -> int = Marshal.from_string (Marshal.to_string f [ Marshal.Closures ]) 0 in
  Printf.printf "closure: %d\n" (f' 4);
  (match Marshal.to_string f [] with
   | _ -> print_endline "closure without flag accepted?"
   | exception Invalid_argument m -> Printf.printf "Invalid_argument %s\n" m);
  (* Several values through one file, read back in order. *)
  let file = "marshal_ops.bin" in
  let oc = open_out_bin file in
  Marshal.to_channel oc r [];
  Marshal.to_channel oc t [];
  Marshal.to_channel oc [ "end" ] [];
  close_out oc;
  let ic = open_in_bin file in
  let r2 : rec_t = Marshal.from_channel ic in
  let t2 : tree = Marshal.from_channel ic in
  let e : string list = Marshal.from_channel ic in
  let size = in_channel_length ic in
  (match (Marshal.from_channel ic : int) with
   | _ -> print_endline "read past the end?"
   | exception End_of_file -> print_endline "End_of_file after the last value");
  close_in ic;
  Sys.remove file;
  Printf.printf "file: %b %b %s, %d bytes\n" (r2 = r) (t2 = t) (List.hd e) size;
  (match Marshal.from_string "garbage that is not marshal data" 0 with
   | (_ : int) -> print_endline "garbage accepted?"
   | exception Failure m -> Printf.printf "Failure %s\n" m)

import { tableToIPC, makeVector, makeTable, vectorFromArray, Float64, Int32, Uint8, Bool, Utf8, Dictionary, DateDay, TimestampMillisecond, Field } from 'apache-arrow';
import { writeFileSync } from 'fs';
const table = makeTable({
  price: vectorFromArray([1.5, null, -2.25, 1e300], new Float64()),
  count: vectorFromArray([1, 2, -3, 2147483647], new Int32()),
  small: vectorFromArray([0, 200, 255, 7], new Uint8()),
  flag: vectorFromArray([true, null, false, true], new Bool()),
  city: vectorFromArray(['paris', 'lyon', 'paris', null], new Dictionary(new Utf8(), new Int32())),
  note: vectorFromArray(['café', '', null, 'a,b "c"'], new Utf8()),
  day: vectorFromArray([new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(1969, 11, 31)), null, new Date(Date.UTC(2000, 0, 1))], new DateDay()),
  at: vectorFromArray([Date.UTC(2024, 2, 1, 12, 30, 15, 250), 0, null, -1000], new TimestampMillisecond('UTC')),
});
writeFileSync('js-arrow-18.arrow', tableToIPC(table, 'file'));
writeFileSync('js-arrow-18.arrows', tableToIPC(table, 'stream'));
console.log(table.schema.fields.map(f => f.name + ':' + f.type).join(' '));

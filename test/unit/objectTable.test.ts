import { describe, expect, it } from "vitest";
import { objectTable } from "../../src/cli/output";
import { INSTANCE_OBJECT_TYPES } from "../../src/core/dataSources/getOffsiteBackupInstances";

const instance = {
  id: "ed7cc6166ec24360a5ed5c5c9c2ed726in01",
  name: "orders",
  sourceRegion: "cn-north-4",
  sourceProjectId: undefined,
  datastore: { type: "MySQL", version: "8.0" },
  destinationRegion: "ap-southeast-1",
  destinationProjectId: undefined,
  keepDays: 7,
};

describe("the command line's table of a type, from the type's definition", () => {
  it("has the columns the definition names, in its order, each cell read along its path", () => {
    const [header, row] = objectTable(INSTANCE_OBJECT_TYPES.OffsiteBackupInstance, [instance]).trimEnd().split("\n");
    expect(header?.split(/ {2,}/)).toEqual(Object.values(INSTANCE_OBJECT_TYPES.OffsiteBackupInstance.columns));
    expect(row?.split(/ {2,}/)).toEqual([instance.id, "MySQL", "8.0", "cn-north-4", "ap-southeast-1", "7", "orders"]);
  });

  it("refuses a column whose path names no field, rather than print '-' in every row", () => {
    const type = {
      ...INSTANCE_OBJECT_TYPES.OffsiteBackupInstance,
      columns: { id: "ID", "datastore.engine": "ENGINE" },
    };
    expect(() => objectTable(type, [instance])).toThrow('column "datastore.engine" of');
  });
});

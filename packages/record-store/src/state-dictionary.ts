// The preset dictionary for compressing stored states (format 1). Small JSON documents compress poorly
// on their own; seeded with the words every state repeats — member names, source URNs, event types —
// deflate stores a typical person in about a seventh of the JSON's size (benchmarks.md B6).
// FROZEN: stored data can only be read back with the exact dictionary it was written with. To improve
// it, add a new format number in codec.ts beside this one; never edit these bytes.
const TYPES = [
  'household.citizen-registered',
  'household.identity-corrected',
  'household.residence-registered',
  'household.residence-ended',
  'household.death-registered',
  'land.right-granted',
  'land.right-updated',
  'land.right-revoked',
  'enterprise.role-assigned',
  'enterprise.role-ended',
  'enterprise.status-changed',
  'judicial.conviction-recorded',
  'judicial.conviction-expunged',
  'judicial.ban-imposed',
].map((type) => `"type":"vn.lgsp.${type}.v1"`);

export const STATE_DICTIONARY_V1 = Buffer.from(
  [
    '{"state":{"personalId":"","version":,"updatedAt":"2026-T:.Z","identity":{"fullName":{"v":"Nguyễn Trần Lê Phạm Hoàng Huỳnh Văn Thị Minh Anh Hùng Lan","s":["2025-T00:00:00.000000000Z","0000000",""]}',
    ',"dateOfBirth":{"v":"19","s":[]},"sex":{"v":"male","s":[]},{"v":"female","s":[]},"nationality":{"v":"VN","s":[]},"ethnicity":{"v":"Kinh","s":[]}}',
    ',"residence":{"permanent":{"f":{"address":{"v":{"provinceCode":"","communeCode":"","line":"Số đường phố thôn xóm ấp "},"s":[]},"householdId":{"v":"HGD-","s":[]}',
    ',"relationToHead":{"v":"head","s":[]},"child","spouse","parent","since":{"v":"2025-","s":[]},"validUntil":{"v":null,"s":[]}},"on":[]},"temporary":{"f":{',
    '"death":{"v":"","s":[]},"landRights":{"":{"f":{"parcel":{"v":{"communeCode":"","mapSheet":,"parcelNo":},"s":[]},"areaM2":{"v":,"s":[]},"landUse":{"v":"ODT","s":[]},"grantedOn":{"v":"2025-","s":[]}},"on":[],"off":[]}}',
    ',"roles":{"|owner":{"f":{"enterpriseName":{"v":"Công ty TNHH Cổ phần ","s":[]},"since":{"v":"","s":[]}},"on":[]}},"|legal-representative","|member","|shareholder"',
    ',"convictions":{"/HS-ST":{"f":{"court":{"v":"TAND TP ","s":[]},"judgmentDate":{"v":"","s":[]},"offence":{"v":"BLHS-2015 Điều ","s":[]},"sentence":{"v":"tháng tù treo","s":[]},"expungedOn":{"v":"","s":[]}}}}',
    ',"bans":{"|manage-enterprise":{"f":{"from":{"v":"","s":[]},"until":{"v":null,"s":[]}},"on":[]}}',
    ',"provenance":{"identity":{"source":"urn:lgsp:registry:household","eventId":"HT-2025-","time":"+07:00","s":[]},"residence":{"landRights":{"source":"urn:lgsp:registry:land","eventId":"BD-2025-"},"enterpriseRoles":{"source":"urn:lgsp:registry:enterprise","eventId":"DN-2025-"},"judicial":{"source":"urn:lgsp:registry:judicial","eventId":"LLTP-2025-"}}',
    ',"history":[{"eventId":"","source":"urn:lgsp:registry:household",',
    ...TYPES,
    ',"time":"2025-07-01T+07:00","receivedAt":null,"outcome":"applied","s":[]},{"outcome":"superseded"}]}',
    ',"watermarks":{"lgsp.registry.household.v1:":"","lgsp.registry.land.v1:":"","lgsp.registry.enterprise.v1:":"","lgsp.registry.judicial.v1:":""}}',
  ].join(''),
  'utf8',
);

// Word lists the generator draws from: common Vietnamese names with rough frequencies, streets,
// courts and offences. Plausible, not statistics.

export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 3], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3],
  ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Trương', 0.6], ['Lương', 0.4], ['Mai', 0.4],
];

export const MIDDLE_NAMES = {
  male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Công', 'Xuân', 'Gia', 'Anh'],
  female: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Kim', 'Mai', 'Bích', 'Hồng'],
} as const;

export const GIVEN_NAMES = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Long', 'Minh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Đạt'],
  female: ['Anh', 'Bình', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Vân', 'Yến'],
} as const;

export const ETHNICITIES: ReadonlyArray<readonly [string, number]> = [
  ['Kinh', 85], ['Tày', 2], ['Thái', 1.9], ['Mường', 1.5], ['Khmer', 1.4], ['Hoa', 0.8], ['Nùng', 1.1], ['Mông', 1.3], ['Dao', 0.9],
];

/** Province codes since 1 July 2025 for generated addresses; the hub checks only their form. */
export const ADDRESS_PROVINCES = ['01', '31', '48', '79', '92'] as const;

export const STREETS = [
  'phố Huế', 'phố Hàng Bài', 'phố Kim Mã', 'đường Trần Phú', 'đường Lê Lợi', 'đường Nguyễn Trãi',
  'đường Hai Bà Trưng', 'đường Điện Biên Phủ', 'đường Lý Thường Kiệt', 'đường Nguyễn Văn Cừ',
] as const;

export const HAMLETS = ['thôn Đông', 'thôn Đoài', 'thôn Thượng', 'thôn Hạ', 'xóm Mới', 'ấp 3'] as const;

export const LAND_USE_CODES = ['ODT', 'ONT', 'LUC', 'CLN', 'BHK', 'NTS', 'RSX'] as const;

export const ENTERPRISE_KINDS = ['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân'] as const;
export const ENTERPRISE_WORDS = ['An Phát', 'Hưng Thịnh', 'Minh Long', 'Thành Công', 'Việt Tiến', 'Đại Dương', 'Phú Gia', 'Sao Mai', 'Hoàng Long', 'Kim Cương'] as const;

export const COURTS = ['TAND TP Hà Nội', 'TAND TP Hồ Chí Minh', 'TAND TP Đà Nẵng', 'TAND TP Hải Phòng', 'TAND TP Cần Thơ'] as const;
export const OFFENCES = ['BLHS-2015 Điều 173', 'BLHS-2015 Điều 174', 'BLHS-2015 Điều 134', 'BLHS-2015 Điều 260', 'BLHS-2015 Điều 321'] as const;
export const SENTENCES = ['12 tháng tù treo', '6 tháng cải tạo không giam giữ', '2 năm tù', 'phạt tiền 20.000.000 đồng'] as const;

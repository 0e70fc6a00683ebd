package cn.jl.govit.benchmark;

import java.util.List;

/** The word lists the generator builds Chinese names from: provinces, cities, government units, businesses, systems. */
final class GenNames {

    /** A province (or region, municipality): its name, its administrative division code's first two digits, cities. */
    record Province(String name, String code, String shortName, List<String> cities) {
    }

    /** Jilin first: the {@code jilin} size uses it alone. */
    static final List<Province> PROVINCES = List.of(
            new Province("吉林省", "22", "吉林", List.of("长春市", "吉林市", "四平市", "辽源市", "通化市", "白山市", "松原市", "白城市", "延边朝鲜族自治州")),
            new Province("北京市", "11", "北京", List.of("东城区", "西城区", "朝阳区", "海淀区", "丰台区")),
            new Province("天津市", "12", "天津", List.of("和平区", "河西区", "南开区", "滨海新区")),
            new Province("河北省", "13", "河北", List.of("石家庄市", "唐山市", "保定市", "邯郸市", "张家口市")),
            new Province("山西省", "14", "山西", List.of("太原市", "大同市", "长治市", "晋中市")),
            new Province("内蒙古自治区", "15", "内蒙古", List.of("呼和浩特市", "包头市", "鄂尔多斯市", "赤峰市")),
            new Province("辽宁省", "21", "辽宁", List.of("沈阳市", "大连市", "鞍山市", "锦州市", "丹东市")),
            new Province("黑龙江省", "23", "黑龙江", List.of("哈尔滨市", "齐齐哈尔市", "大庆市", "牡丹江市", "佳木斯市")),
            new Province("上海市", "31", "上海", List.of("黄浦区", "徐汇区", "浦东新区", "闵行区")),
            new Province("江苏省", "32", "江苏", List.of("南京市", "苏州市", "无锡市", "常州市", "南通市", "徐州市")),
            new Province("浙江省", "33", "浙江", List.of("杭州市", "宁波市", "温州市", "嘉兴市", "绍兴市", "金华市")),
            new Province("安徽省", "34", "安徽", List.of("合肥市", "芜湖市", "蚌埠市", "安庆市", "阜阳市")),
            new Province("福建省", "35", "福建", List.of("福州市", "厦门市", "泉州市", "漳州市")),
            new Province("江西省", "36", "江西", List.of("南昌市", "赣州市", "九江市", "上饶市")),
            new Province("山东省", "37", "山东", List.of("济南市", "青岛市", "烟台市", "潍坊市", "临沂市", "济宁市")),
            new Province("河南省", "41", "河南", List.of("郑州市", "洛阳市", "开封市", "南阳市", "新乡市")),
            new Province("湖北省", "42", "湖北", List.of("武汉市", "宜昌市", "襄阳市", "荆州市", "黄石市")),
            new Province("湖南省", "43", "湖南", List.of("长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市")),
            new Province("广东省", "44", "广东", List.of("广州市", "深圳市", "珠海市", "佛山市", "东莞市", "汕头市")),
            new Province("广西壮族自治区", "45", "广西", List.of("南宁市", "柳州市", "桂林市", "北海市")),
            new Province("海南省", "46", "海南", List.of("海口市", "三亚市", "儋州市")),
            new Province("重庆市", "50", "重庆", List.of("渝中区", "江北区", "沙坪坝区", "万州区")),
            new Province("四川省", "51", "四川", List.of("成都市", "绵阳市", "德阳市", "宜宾市", "南充市")),
            new Province("贵州省", "52", "贵州", List.of("贵阳市", "遵义市", "六盘水市", "安顺市")),
            new Province("云南省", "53", "云南", List.of("昆明市", "曲靖市", "玉溪市", "大理白族自治州")),
            new Province("西藏自治区", "54", "西藏", List.of("拉萨市", "日喀则市", "林芝市")),
            new Province("陕西省", "61", "陕西", List.of("西安市", "宝鸡市", "咸阳市", "延安市", "榆林市")),
            new Province("甘肃省", "62", "甘肃", List.of("兰州市", "天水市", "酒泉市", "张掖市")),
            new Province("青海省", "63", "青海", List.of("西宁市", "海东市", "海西蒙古族藏族自治州")),
            new Province("宁夏回族自治区", "64", "宁夏", List.of("银川市", "石嘴山市", "吴忠市")),
            new Province("新疆维吾尔自治区", "65", "新疆", List.of("乌鲁木齐市", "克拉玛依市", "喀什地区", "伊犁哈萨克自治州")));

    /** A unit: its name after the place, its English name and the businesses its systems serve. */
    record Unit(String zh, String en, String abbreviation, List<String> businesses) {
    }

    /** Provincial departments (省直部门); the province's name is put before them. */
    static final List<Unit> PROVINCIAL_UNITS = List.of(
            unit("发展和改革委员会", "Development and Reform Commission", "投资项目在线审批", "价格监测", "重点项目调度"),
            unit("教育厅", "Department of Education", "学籍管理", "教育资助", "招生考试", "智慧校园"),
            unit("科学技术厅", "Department of Science and Technology", "科技项目管理", "科技成果转化"),
            unit("工业和信息化厅", "Department of Industry and Information Technology", "工业互联网", "中小企业服务", "产业运行监测"),
            unit("公安厅", "Department of Public Security", "人口管理", "交通管理", "出入境管理", "治安防控"),
            unit("民政厅", "Department of Civil Affairs", "社会救助", "婚姻登记", "养老服务", "社会组织管理"),
            unit("司法厅", "Department of Justice", "公共法律服务", "社区矫正", "行政复议"),
            unit("财政厅", "Department of Finance", "预算管理一体化", "国库集中支付", "政府采购"),
            unit("人力资源和社会保障厅", "Department of Human Resources and Social Security", "社保经办", "就业服务", "劳动监察", "人事考试"),
            unit("自然资源厅", "Department of Natural Resources", "不动产登记", "国土空间规划", "矿产资源管理"),
            unit("生态环境厅", "Department of Ecology and Environment", "环境监测", "排污许可", "生态执法"),
            unit("住房和城乡建设厅", "Department of Housing and Urban-Rural Development", "住房公积金", "工程建设审批", "建筑市场监管"),
            unit("交通运输厅", "Department of Transport", "公路养护", "道路运输", "综合交通运行监测"),
            unit("水利厅", "Department of Water Resources", "防汛抗旱", "水资源监测", "河湖长制"),
            unit("农业农村厅", "Department of Agriculture and Rural Affairs", "农村集体资产", "动物防疫", "高标准农田"),
            unit("商务厅", "Department of Commerce", "外贸运行监测", "市场运行监测", "招商引资"),
            unit("文化和旅游厅", "Department of Culture and Tourism", "智慧旅游", "文物保护", "公共文化服务"),
            unit("卫生健康委员会", "Health Commission", "全民健康信息", "电子健康档案", "疾病预防控制", "医院运行监管"),
            unit("退役军人事务厅", "Department of Veterans Affairs", "优抚对象管理", "退役军人服务"),
            unit("应急管理厅", "Department of Emergency Management", "应急指挥", "安全生产监管", "自然灾害监测预警"),
            unit("审计厅", "Audit Office", "大数据审计", "审计业务管理"),
            unit("市场监督管理厅", "Administration for Market Regulation", "市场主体登记", "食品安全追溯", "特种设备监管", "信用监管"),
            unit("统计局", "Bureau of Statistics", "统计联网直报", "统计数据管理"),
            unit("医疗保障局", "Healthcare Security Administration", "医保智能审核", "医保基金监管", "异地就医结算"),
            unit("林业和草原局", "Forestry and Grassland Administration", "森林防火", "林草资源监测"),
            unit("粮食和物资储备局", "Grain and Material Reserves Bureau", "粮食收储监管", "应急物资储备"),
            unit("政务服务和数字化局", "Government Services and Digitalisation Bureau", "一网通办", "政务数据共享交换", "电子证照", "12345热线"),
            unit("税务局", "Tax Service", "电子税务", "税收风险管理"),
            unit("档案局", "Archives Bureau", "电子档案管理", "档案数字化"),
            unit("地方金融管理局", "Local Financial Administration", "地方金融监管", "金融风险监测"),
            unit("体育局", "Sports Bureau", "全民健身服务", "体育赛事管理"),
            unit("机关事务管理局", "Government Offices Administration", "公务用车管理", "公共机构节能"),
            unit("人民防空办公室", "Civil Air Defence Office", "人防工程管理", "防空警报"),
            unit("信访局", "Public Complaints and Proposals Bureau", "网上信访", "信访事项办理"),
            unit("药品监督管理局", "Medical Products Administration", "药品追溯", "药品安全监管"),
            unit("知识产权局", "Intellectual Property Office", "知识产权保护", "专利运营服务"),
            unit("气象局", "Meteorological Bureau", "气象监测预警", "智慧气象服务"),
            unit("通信管理局", "Communications Administration", "通信网络运行监测"),
            unit("残疾人联合会", "Disabled Persons' Federation", "残疾人证管理", "康复服务"),
            unit("总工会", "Federation of Trade Unions", "职工服务", "困难职工帮扶"),
            unit("妇女联合会", "Women's Federation", "妇女儿童权益服务"),
            unit("共青团委员会", "Communist Youth League Committee", "青年服务"),
            unit("住房公积金管理中心", "Housing Provident Fund Centre", "公积金缴存提取", "公积金贷款"),
            unit("大数据中心", "Big Data Centre", "政务云", "数据资源目录", "数据治理"),
            unit("社会保险事业管理局", "Social Insurance Agency", "养老保险经办", "工伤保险经办"),
            unit("公共资源交易中心", "Public Resources Trading Centre", "电子招投标", "远程异地评标"),
            unit("不动产登记中心", "Real Estate Registration Centre", "不动产统一登记"),
            unit("疾病预防控制中心", "Centre for Disease Control", "传染病监测", "免疫规划"),
            unit("地震局", "Earthquake Agency", "地震监测预警"),
            unit("测绘地理信息局", "Surveying and Mapping Bureau", "地理信息公共服务", "天地图"),
            unit("消防救援总队", "Fire and Rescue Corps", "消防监督管理", "智慧消防"),
            unit("监狱管理局", "Prison Administration", "智慧监狱"),
            unit("戒毒管理局", "Drug Rehabilitation Administration", "戒毒人员管理"),
            unit("乡村振兴局", "Rural Revitalisation Bureau", "防返贫监测"),
            unit("营商环境建设局", "Business Environment Bureau", "营商环境监测", "惠企政策兑现"),
            unit("能源局", "Energy Administration", "能源运行监测"),
            unit("国有资产监督管理委员会", "State-owned Assets Supervision Commission", "国资监管"),
            unit("民族宗教事务委员会", "Ethnic and Religious Affairs Commission", "民族宗教事务管理"),
            unit("外事办公室", "Foreign Affairs Office", "因公出国管理"),
            unit("人民政府办公厅", "General Office of the Government", "协同办公", "督查督办", "政务公开"));

    /** City bureaus (市直部门); the city's name is put before them. */
    static final List<Unit> CITY_UNITS = List.of(
            unit("人力资源和社会保障局", "Human Resources and Social Security Bureau", "社保经办", "就业服务"),
            unit("卫生健康委员会", "Health Commission", "区域全民健康信息", "家庭医生签约"),
            unit("教育局", "Education Bureau", "智慧教育", "义务教育招生"),
            unit("公安局", "Public Security Bureau", "智慧警务", "视频监控联网"),
            unit("医疗保障局", "Healthcare Security Bureau", "医保智能审核", "医保经办"),
            unit("市场监督管理局", "Market Regulation Bureau", "市场主体登记", "食品安全监管"),
            unit("住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "城市运行管理", "智慧工地"),
            unit("政务服务和数字化局", "Government Services and Digitalisation Bureau", "一网通办", "城市大脑", "12345热线"),
            unit("交通运输局", "Transport Bureau", "智慧交通", "公交运营监管"),
            unit("民政局", "Civil Affairs Bureau", "社会救助", "智慧养老"),
            unit("应急管理局", "Emergency Management Bureau", "应急指挥", "安全生产监管"),
            unit("生态环境局", "Ecology and Environment Bureau", "环境监测", "污染源监控"));

    static final List<String> SYSTEM_TYPES = List.of("系统", "平台", "管理系统", "信息系统", "服务平台", "监管平台",
            "综合管理平台", "智能审核系统", "数据库", "监测预警系统", "一体化平台", "移动应用", "信息化建设项目",
            "升级改造项目", "云平台迁移项目");

    static final List<String> PHASES = List.of("", "", "", "", "（一期）", "（二期）", "（三期）");

    static final List<String> CONTRACTORS = List.of("浪潮软件股份有限公司", "东软集团股份有限公司", "中国电信股份有限公司",
            "中国移动通信集团有限公司", "中国联合网络通信有限公司", "华为技术有限公司", "太极计算机股份有限公司",
            "中软国际有限公司", "神州数码信息服务股份有限公司", "启明星辰信息技术集团股份有限公司", "数字政通科技股份有限公司",
            "长春吉大正元信息技术股份有限公司", "吉林省信息技术研究所", "万达信息股份有限公司", "易华录信息技术股份有限公司",
            "卫宁健康科技集团股份有限公司", "用友政务软件有限公司", "南威软件股份有限公司", "国泰新点软件股份有限公司",
            "中国软件与技术服务股份有限公司");

    private static Unit unit(String zh, String en, String... businesses) {
        return new Unit(zh, en, null, List.of(businesses));
    }

    private GenNames() {
    }
}
